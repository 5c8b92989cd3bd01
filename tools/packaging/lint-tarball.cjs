// Lints one packed package: our own tarball rules, then publint (strict: a warning fails) and
// @arethetypeswrong/cli (types for `require` and `import` under Node 16+ resolution and bundlers). Both tools read
// the tarball only; neither needs the network.
const { spawnSync } = require('node:child_process');
const path = require('node:path');
const { ROOT } = require('./published-packages.cjs');
const { readTarball } = require('./pack-packages.cjs');
const { tarballProblems } = require('./tarball-rules.cjs');

function binOf(name) {
  return path.join(ROOT, 'node_modules', '.bin', name);
}

function run(command, args) {
  const result = spawnSync(command, args, { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
  return { ok: result.status === 0, output: `${result.stdout ?? ''}${result.stderr ?? ''}${result.error?.message ?? ''}` };
}

/** `[{ check, ok, output }]` for one tarball. */
function lintTarball(tarball) {
  const problems = tarballProblems(readTarball(tarball));
  return [
    { check: 'tarball rules', ok: problems.length === 0, output: problems.map((problem) => `- ${problem}`).join('\n') },
    { check: 'publint', ...run(binOf('publint'), ['run', tarball, '--strict']) },
    // node10 (TypeScript's legacy `moduleResolution: node`) cannot see subpath exports such as `/testing`; it is
    // not a supported setup, so the node16 profile (node16 from CJS and ESM, bundler) is the bar.
    { check: 'attw', ...run(binOf('attw'), [tarball, '--profile', 'node16', '--no-definitely-typed', '--no-emoji', '--no-color']) },
  ];
}

module.exports = { lintTarball };
