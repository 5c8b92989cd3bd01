#!/usr/bin/env node
'use strict';
// Regenerates @tollgate/pricing's catalogue from a price map in LiteLLM's format.
//
//   pnpm sync-pricing [source] [--out FILE] [--notices FILE] [--upstream-commit SHA] [--check] [--verbose]
//
// source: a path or an http(s) URL (default: the copy committed in tools/sync-pricing/source/, see its README).
// --check: write nothing; exit 1 when the committed files differ from what the source gives.
// --verbose: list every note (float noise snapped, tiers dropped) instead of counting them.
// Exit codes: 0 done, 1 the source is unreadable or malformed (or --check found a difference), 2 bad arguments.
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');
const { buildCatalogue, serializeCatalogue } = require('./build-catalogue.cjs');

const repoRoot = path.resolve(__dirname, '..', '..');
const defaults = {
  source: path.join(__dirname, 'source', 'model_prices_and_context_window.json'),
  out: path.join(repoRoot, 'packages', 'pricing', 'src', 'catalogue', 'catalogue.generated.json'),
  notices: path.join(repoRoot, 'packages', 'pricing', 'THIRD_PARTY_NOTICES.md'),
};

/** Upstream commits of files we have verified byte for byte (sha256 → BerriAI/litellm commit). */
const KNOWN_UPSTREAM_COMMITS = {
  '40ed7046364779934a7a27f6d1271ee33e61a174c0e336a3423abd5282b6e65c': '4c1b15d6854c9ccad7e4348ed6f45edc45f8039d',
};

const USAGE =
  'usage: sync-pricing [source path or URL] [--out FILE] [--notices FILE] [--upstream-commit SHA] [--check] [--verbose]';

class UsageError extends Error {}

function parseArguments(argv) {
  const options = { ...defaults, check: false, verbose: false, upstreamCommit: undefined };
  let sourceGiven = false;
  for (let index = 0; index < argv.length; index += 1) {
    const argument = argv[index];
    const takeValue = () => {
      const value = argv[index + 1];
      if (value === undefined || value.startsWith('--')) throw new UsageError(`${argument} needs a value`);
      index += 1;
      return value;
    };
    if (argument === '--check') options.check = true;
    else if (argument === '--verbose') options.verbose = true;
    else if (argument === '--out') options.out = path.resolve(takeValue());
    else if (argument === '--notices') options.notices = path.resolve(takeValue());
    else if (argument === '--upstream-commit') options.upstreamCommit = takeValue();
    else if (argument === '--help' || argument === '-h') throw new UsageError('');
    else if (argument.startsWith('--')) throw new UsageError(`unknown option ${argument}`);
    else if (sourceGiven) throw new UsageError(`unexpected argument ${argument}`);
    else {
      options.source = /^https?:\/\//.test(argument) ? argument : path.resolve(argument);
      sourceGiven = true;
    }
  }
  if (options.upstreamCommit !== undefined && !/^[0-9a-f]{40}$/.test(options.upstreamCommit)) {
    throw new UsageError('--upstream-commit must be a 40-hex-digit commit id');
  }
  return options;
}

async function readSource(source) {
  if (/^https?:\/\//.test(source)) {
    const response = await fetch(source);
    if (!response.ok) throw new Error(`GET ${source} answered ${response.status}`);
    return Buffer.from(await response.arrayBuffer());
  }
  return fs.readFileSync(source);
}

function noticesText(source) {
  const commit = source.upstreamCommit
    ? `upstream commit \`${source.upstreamCommit}\``
    : 'upstream commit unknown';
  return `# Third-party notices

\`src/catalogue/catalogue.generated.json\` is derived from LiteLLM's model price map by
\`tools/sync-pricing\` (prices converted to integer nano-USD per 1M tokens; unused fields dropped).

model_prices_and_context_window.json — Copyright (c) 2023 Berri AI, MIT License
(https://github.com/BerriAI/litellm, ${commit}, source file sha256 \`${source.sha256}\`).

MIT License

Copyright (c) 2023 Berri AI

Permission is hereby granted, free of charge, to any person obtaining a copy
of this software and associated documentation files (the "Software"), to deal
in the Software without restriction, including without limitation the rights
to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
copies of the Software, and to permit persons to whom the Software is
furnished to do so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in all
copies or substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE
SOFTWARE.
`;
}

function differs(file, text) {
  return !fs.existsSync(file) || fs.readFileSync(file, 'utf8') !== text;
}

async function main(argv) {
  const options = parseArguments(argv);
  const bytes = await readSource(options.source);
  const sha256 = crypto.createHash('sha256').update(bytes).digest('hex');
  let priceMap;
  try {
    priceMap = JSON.parse(bytes.toString('utf8'));
  } catch (error) {
    throw new Error(`${options.source} is not valid JSON: ${error.message}`);
  }
  const upstreamCommit = options.upstreamCommit ?? KNOWN_UPSTREAM_COMMITS[sha256] ?? null;
  const { catalogue, notes } = buildCatalogue(priceMap, { sha256, upstreamCommit });
  const catalogueText = serializeCatalogue(catalogue);
  const notices = noticesText(catalogue.source);
  if (options.verbose) for (const note of notes) console.log(`note: ${note}`);
  else if (notes.length > 0) console.log(`${notes.length} notes (float noise snapped, tiers dropped); --verbose lists them`);

  if (options.check) {
    const stale = [options.out, options.notices].filter((file, index) => differs(file, index === 0 ? catalogueText : notices));
    if (stale.length > 0) {
      console.error(`out of date with ${options.source}:\n  ${stale.join('\n  ')}\nrun: pnpm sync-pricing`);
      return 1;
    }
    console.log(`up to date: ${catalogue.source.models} models`);
    return 0;
  }
  fs.mkdirSync(path.dirname(options.out), { recursive: true });
  fs.writeFileSync(options.out, catalogueText);
  fs.writeFileSync(options.notices, notices);
  const kib = (Buffer.byteLength(catalogueText) / 1024).toFixed(0);
  console.log(`wrote ${catalogue.source.models} models (${kib} KiB) to ${path.relative(process.cwd(), options.out)}`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    if (error instanceof UsageError) {
      if (error.message) console.error(error.message);
      console.error(USAGE);
      process.exitCode = 2;
      return;
    }
    console.error(`sync-pricing: ${error.message}`);
    process.exitCode = 1;
  },
);
