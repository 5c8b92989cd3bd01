#!/usr/bin/env node
// Fails when a dependency points the wrong way (ARCHITECTURE.md "Layout"):
// core ← pricing ← providers ← router ← agent; redis-kit ← limits (and router); ledger ← core only; apps and tools
// depend on packages, never the reverse.
// Checks both package.json dependencies and every import in src/.
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
/** Which workspace packages each package may depend on. Apps may use any package but no app. */
const allowed = {
  '@tollgate/core': [],
  '@tollgate/redis-kit': [],
  '@tollgate/pricing': ['@tollgate/core'],
  '@tollgate/providers': ['@tollgate/core', '@tollgate/pricing'],
  '@tollgate/router': ['@tollgate/core', '@tollgate/pricing', '@tollgate/providers', '@tollgate/redis-kit'],
  '@tollgate/agent': ['@tollgate/core', '@tollgate/pricing', '@tollgate/providers', '@tollgate/router'],
  '@tollgate/limits': ['@tollgate/core', '@tollgate/redis-kit'],
  '@tollgate/ledger': ['@tollgate/core'],
};
const packageNames = Object.keys(allowed);
/** Tools (tools/*, e.g. the mock upstream) are test helpers: any project may use them from tests and devDependencies. */
const toolNames = fs.readdirSync(path.join(root, 'tools'))
  .map((name) => path.join(root, 'tools', name, 'package.json'))
  .filter((file) => fs.existsSync(file))
  .map((file) => JSON.parse(fs.readFileSync(file, 'utf8')).name);
const isTestFile = (file) => /\.test\.ts$|[\\/](testing|testing-internal|e2e|__fixtures__)[\\/]/.test(file);

function* sourceFiles(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* sourceFiles(full);
    else if (/\.(ts|cjs|mjs|js)$/.test(entry.name)) yield full;
  }
}

const problems = [];
for (const group of ['packages', 'apps', 'tools']) {
  for (const name of fs.readdirSync(path.join(root, group))) {
    const dir = path.join(root, group, name);
    const manifestPath = path.join(dir, 'package.json');
    if (!fs.existsSync(manifestPath)) continue;
    const manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8'));
    const isApp = group !== 'packages'; // apps and tools sit on top: any package, never an app
    // A tool may also stand on another tool (the mock-upstream CLI on @tollgate/testing).
    const mayUse = group === 'tools' ? [...packageNames, ...toolNames] : isApp ? packageNames : allowed[manifest.name];
    if (!mayUse) { problems.push(`${manifest.name}: not in the layer table of tools/check-layers.cjs`); continue; }
    const runtime = Object.keys({ ...manifest.dependencies, ...manifest.peerDependencies });
    for (const dependency of runtime.filter((d) => d.startsWith('@tollgate/'))) {
      if (!mayUse.includes(dependency)) problems.push(`${manifest.name} depends on ${dependency}`);
    }
    for (const dependency of Object.keys(manifest.devDependencies ?? {}).filter((d) => d.startsWith('@tollgate/'))) {
      if (!mayUse.includes(dependency) && !toolNames.includes(dependency)) problems.push(`${manifest.name} depends on ${dependency}`);
    }
    if (!fs.existsSync(path.join(dir, 'src'))) continue;
    for (const file of sourceFiles(path.join(dir, 'src'))) {
      const text = fs.readFileSync(file, 'utf8');
      for (const match of text.matchAll(/(?:from\s+|import\s*\(\s*|require\s*\(\s*)['"]([^'"]+)['"]/g)) {
        const specifier = match[1];
        const relative = path.relative(root, file);
        if (specifier.startsWith('@tollgate/')) {
          const target = specifier.split('/').slice(0, 2).join('/');
          const toolFromTest = toolNames.includes(target) && isTestFile(file);
          if (target !== manifest.name && !mayUse.includes(target) && !toolFromTest) problems.push(`${relative} imports ${specifier}`);
        } else if (specifier.startsWith('.')) {
          const resolved = path.resolve(path.dirname(file), specifier);
          if (!resolved.startsWith(dir + path.sep)) problems.push(`${relative} reaches outside its project: ${specifier}`);
        }
      }
    }
  }
}
if (problems.length > 0) {
  console.error(`layering violations (see ARCHITECTURE.md "Layout"):\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log('layers ok');
