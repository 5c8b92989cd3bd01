#!/usr/bin/env node
// Copies non-TypeScript assets that code reads at run time (e.g. Lua scripts) from a source tree to the build
// output, keeping relative paths: `node copy-assets.cjs <from> <to> <extension>...`, run from the package folder.
// tsc only emits .js/.d.ts, so without this step dist/ would miss files the compiled code opens beside itself.
const fs = require('node:fs');
const path = require('node:path');

const [from, to, ...extensions] = process.argv.slice(2);
if (!from || !to || extensions.length === 0) {
  console.error('usage: copy-assets.cjs <from> <to> <extension>...');
  process.exit(2);
}
const suffixes = extensions.map((extension) => `.${extension.replace(/^\./, '')}`);

let copied = 0;
function copyTree(directory) {
  for (const entry of fs.readdirSync(directory, { withFileTypes: true })) {
    const source = path.join(directory, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules') copyTree(source);
    } else if (suffixes.some((suffix) => entry.name.endsWith(suffix))) {
      const target = path.join(to, path.relative(from, source));
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.copyFileSync(source, target);
      copied += 1;
    }
  }
}
copyTree(from);
console.log(`copy-assets: ${copied} file(s) (${suffixes.join(', ')}) from ${from} to ${to}`);
