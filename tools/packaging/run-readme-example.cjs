// Runs a package's README example the way a new user would: a fresh project that installs only that package (and,
// since they are not on the registry yet, its workspace dependencies as tarballs), the example type-checked with
// the user-facing types (ESM, `moduleResolution: nodenext`, strict) and run with node. It also checks that
// `require` and `import` of every entry point give the very same objects (one copy of the code, no dual package).
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const ts = require('typescript');
const { ROOT, withWorkspaceDependencies } = require('./published-packages.cjs');
const { readmeExample, readmeInstall, parsePackageSpec } = require('./readme-example.cjs');

const INSTALL_TIMEOUT_MS = 300_000;
const EXAMPLE_TIMEOUT_MS = 60_000;

function run(command, args, { cwd, timeoutMs }) {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', timeout: timeoutMs, env: { ...process.env, FORCE_COLOR: '0' } });
  const timedOut = result.error?.code === 'ETIMEDOUT' ? `\n(stopped after ${timeoutMs / 1000} s)` : '';
  return { ok: result.status === 0, output: `${result.stdout ?? ''}${result.stderr ?? ''}${timedOut}`.trim() };
}

/** Native builds the root workspace allows (pnpm 12 builds nothing it is not told to). */
function allowedBuilds() {
  const yaml = fs.readFileSync(path.join(ROOT, 'pnpm-workspace.yaml'), 'utf8');
  const section = yaml.split(/^allowBuilds:\s*$/m)[1] ?? '';
  return [...section.matchAll(/^\s+'?([^':\s]+)'?:\s*true\s*$/gm)].map((match) => match[1]);
}

function writeProject({ projectDir, pkg, packages, tarballs }) {
  fs.mkdirSync(projectDir, { recursive: true });
  const readme = fs.readFileSync(path.join(pkg.dir, 'README.md'), 'utf8');
  const installed = readmeInstall(readme).map(parsePackageSpec);
  if (!installed.some(({ name }) => name === pkg.name)) throw new Error(`the README's \`pnpm add\` line does not install ${pkg.name}`);
  // As written: the README's packages, ours from their tarballs, anyone else's from the registry (the range the
  // README gives, else the newest).
  const dependencies = Object.fromEntries(installed.map(({ name, range }) => [name, tarballs.has(name) ? `file:${tarballs.get(name)}` : range]));
  const manifest = { name: `readme-example-${pkg.folder}`, private: true, type: 'module', dependencies };
  fs.writeFileSync(path.join(projectDir, 'package.json'), JSON.stringify(manifest, null, 2));
  const overrides = withWorkspaceDependencies(pkg, packages).map((name) => `  '${name}': 'file:${tarballs.get(name)}'`);
  const builds = allowedBuilds().map((name) => `  '${name}': true`);
  fs.writeFileSync(path.join(projectDir, 'pnpm-workspace.yaml'), `overrides:\n${overrides.join('\n')}\nallowBuilds:\n${builds.join('\n')}\n`);
  // The repository's install hook (local Node headers for node-gyp), as a user following the root README has.
  fs.copyFileSync(path.join(ROOT, '.pnpmfile.cjs'), path.join(projectDir, '.pnpmfile.cjs'));

  const example = readmeExample(readme);
  fs.writeFileSync(path.join(projectDir, 'example.mts'), example);
  const tsconfig = {
    compilerOptions: {
      target: 'ES2022', lib: ['ES2023'], module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, noEmit: true,
      skipLibCheck: true, types: ['node'], typeRoots: [path.join(ROOT, 'node_modules', '@types')],
    },
    files: ['example.mts'],
  };
  fs.writeFileSync(path.join(projectDir, 'tsconfig.json'), JSON.stringify(tsconfig, null, 2));
  const { outputText } = ts.transpileModule(example, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } });
  fs.writeFileSync(path.join(projectDir, 'example.mjs'), outputText);

  const entryPoints = Object.keys(pkg.manifest.exports).filter((key) => key !== './package.json').map((key) => pkg.name + key.slice(1));
  const optionalPeers = Object.entries(pkg.manifest.peerDependenciesMeta ?? {}).filter(([, meta]) => meta.optional).map(([name]) => name);
  fs.writeFileSync(path.join(projectDir, 'same-module.cjs'), sameModuleCheckSource(entryPoints, optionalPeers));
}

/**
 * A script that fails unless `require` and `import` of each entry point expose the same names and objects. An entry
 * point whose `require` fails only because an optional peer is not installed (e.g. `@tollgate/ledger/postgres`
 * without `pg`) is reported as not checked (importing it too would crash Node 20 with the same error, uncaught).
 */
function sameModuleCheckSource(entryPoints, optionalPeers = []) {
  return `const entryPoints = ${JSON.stringify(entryPoints)};
const optionalPeers = ${JSON.stringify(optionalPeers)};
const missingPeerOf = (error) => optionalPeers.find((peer) => /MODULE_NOT_FOUND/.test(error.code ?? '') && error.message.includes("'" + peer + "'"));
(async () => {
  for (const entryPoint of entryPoints) {
    let required;
    try {
      required = require(entryPoint);
    } catch (error) {
      const peer = missingPeerOf(error);
      if (peer === undefined) throw error;
      console.log(entryPoint + ': not checked, it needs the optional peer ' + peer + ' (not installed)');
      continue;
    }
    const imported = await import(entryPoint);
    const names = Object.keys(required).filter((name) => name !== '__esModule' && name !== 'default');
    const missing = names.filter((name) => imported[name] !== required[name]);
    if (names.length === 0 || missing.length > 0) throw new Error(entryPoint + ': import differs from require on ' + (missing.join(', ') || 'every name (none exported)'));
    console.log(entryPoint + ': require and import give the same ' + names.length + ' exports');
  }
})().catch((error) => { console.error(error.message); process.exit(1); });
`;
}

/** `[{ check, ok, output }]`; stops at the first failing step, since the next ones need it. */
function runReadmeExample({ pkg, packages, tarballs, workDir }) {
  const projectDir = path.join(workDir, pkg.folder);
  const results = [];
  try {
    writeProject({ projectDir, pkg, packages, tarballs });
  } catch (error) {
    return [{ check: 'README example', ok: false, output: error.message }];
  }
  const steps = [
    ['install', 'pnpm', ['install', '--no-frozen-lockfile', '--prefer-offline', '--reporter=append-only'], INSTALL_TIMEOUT_MS],
    ['require = import', process.execPath, ['same-module.cjs'], EXAMPLE_TIMEOUT_MS],
    ['example types', process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.json'], EXAMPLE_TIMEOUT_MS],
    ['example runs', process.execPath, ['example.mjs'], EXAMPLE_TIMEOUT_MS],
  ];
  for (const [check, command, args, timeoutMs] of steps) {
    const result = { check, ...run(command, args, { cwd: projectDir, timeoutMs }) };
    results.push(result);
    if (!result.ok) break;
  }
  return results;
}

module.exports = { runReadmeExample, sameModuleCheckSource };
