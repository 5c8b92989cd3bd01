#!/usr/bin/env node
// `pnpm check:packages`: packs every published package as `pnpm publish` would, lints each tarball (our rules,
// publint, attw) and runs each README example in a fresh project that installs only that package. Exits 1 and
// prints the failing tool's output when anything is wrong.
//
// Options: --only core,router (folders)   --skip-examples   --keep (leave the temp dir for inspection)
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { publishedPackages } = require('./published-packages.cjs');
const { packPackages } = require('./pack-packages.cjs');
const { lintTarball } = require('./lint-tarball.cjs');
const { runReadmeExample } = require('./run-readme-example.cjs');

function optionsOf(argv) {
  const onlyIndex = argv.indexOf('--only');
  return {
    only: onlyIndex === -1 ? undefined : argv[onlyIndex + 1]?.split(','),
    skipExamples: argv.includes('--skip-examples'),
    keep: argv.includes('--keep'),
  };
}

function report(name, results) {
  for (const { check, ok, output } of results) {
    console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}: ${check}`);
    if (!ok) console.log(output.split('\n').map((line) => `       ${line}`).join('\n'));
  }
  return results.every((result) => result.ok);
}

function main() {
  const options = optionsOf(process.argv.slice(2));
  const started = Date.now();
  const packages = publishedPackages();
  const selected = packages.filter((pkg) => options.only === undefined || options.only.includes(pkg.folder));
  if (selected.length === 0) throw new Error(`no published package matches --only ${options.only}`);
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tollgate-packages-'));
  const failed = [];
  try {
    // Examples install their workspace dependencies from tarballs too, so every package is packed.
    const tarballs = packPackages(options.skipExamples ? selected : packages, path.join(workDir, 'tarballs'));
    for (const pkg of selected) {
      const results = lintTarball(tarballs.get(pkg.name));
      if (!options.skipExamples) results.push(...runReadmeExample({ pkg, packages, tarballs, workDir }));
      if (!report(pkg.name, results)) failed.push(pkg.name);
    }
  } finally {
    if (options.keep) console.log(`kept ${workDir}`);
    else fs.rmSync(workDir, { recursive: true, force: true });
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(0);
  console.log(`check-packages: ${selected.length} package(s) checked in ${seconds} s; ${failed.length === 0 ? 'all fit to publish' : `problems in ${failed.join(', ')}`}`);
  return failed.length === 0;
}

try {
  process.exitCode = main() ? 0 : 1;
} catch (error) {
  console.error(`check-packages: ${error.stack ?? error}`);
  process.exitCode = 1;
}
