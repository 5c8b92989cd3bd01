#!/usr/bin/env node
// Adds up every project's jest-results.json and prints one "N passed, N failed, N skipped" line.
// Exits 1 when a test or a suite failed, when a project wrote no results, or when no test ran at all.
// With --no-skips (CI, where Redis and PostgreSQL are always available) a skipped test is a failure too: a suite
// that skips for a missing service would otherwise pass while testing nothing. The skipped tests are listed.
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const noSkips = process.argv.includes('--no-skips');
const projects = ['packages', 'apps', 'tools']
  .flatMap((group) => fs.readdirSync(path.join(root, group)).map((name) => path.join(root, group, name)))
  .filter((dir) => fs.statSync(dir).isDirectory() && fs.existsSync(path.join(dir, 'package.json')))
  // Only projects with a test target run jest (e.g. tools/bench has none).
  .filter((dir) => JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')).scripts?.test !== undefined);

let passed = 0, failed = 0, skipped = 0, failedSuites = 0;
const missing = [];
const skippedNames = [];
for (const dir of projects) {
  const file = path.join(dir, 'jest-results.json');
  if (!fs.existsSync(file)) { missing.push(path.relative(root, dir)); continue; }
  const results = JSON.parse(fs.readFileSync(file, 'utf8'));
  passed += results.numPassedTests;
  failed += results.numFailedTests;
  skipped += results.numPendingTests + (results.numTodoTests ?? 0);
  failedSuites += results.numFailedTestSuites + (results.numRuntimeErrorTestSuites ?? 0);
  for (const suite of results.testResults ?? []) {
    for (const test of suite.assertionResults ?? []) {
      if (test.status === 'pending' || test.status === 'skipped' || test.status === 'todo') {
        skippedNames.push(`${path.relative(root, suite.name)}: ${test.fullName ?? test.title}`);
      }
    }
  }
}
if (missing.length > 0) console.error(`no jest results from: ${missing.join(', ')}`);
if (failedSuites > 0) console.error(`${failedSuites} test suite(s) failed to run or had failures`);
if (noSkips && skipped > 0) {
  console.error(`${skipped} test(s) skipped although every service is available (--no-skips):`);
  for (const name of skippedNames.slice(0, 50)) console.error(`  skipped: ${name}`);
}
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
const skipFailure = noSkips && skipped > 0;
process.exit(failed > 0 || failedSuites > 0 || missing.length > 0 || passed === 0 || skipFailure ? 1 : 0);
