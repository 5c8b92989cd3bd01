// Drives the README-example runner on tiny packages packed here: a working example passes; an example that throws
// or does not type-check fails the check (and so CI), and so does an ESM entry that lacks a name `require` has.
const assert = require('node:assert/strict');
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { after, describe, it } = require('node:test');
const { runReadmeExample } = require('./run-readme-example.cjs');

const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'readme-example-test-'));
after(() => fs.rmSync(workDir, { recursive: true, force: true }));

const GREET = "exports.greet = (name) => `Hello, ${name}`;\n";
// Names assigned this way are invisible to Node's CommonJS export detection, so `import` would not see them.
const GREET_UNDETECTABLE = "Object.assign(exports, { greet: (name) => `Hello, ${name}` });\n";

/** Packs a one-function package `@fixture/<folder>` with the given CommonJS build and README example; runs it. */
function runFixture({ folder, commonJs = GREET, example, driverEntry }) {
  const dir = path.join(workDir, 'sources', folder);
  fs.mkdirSync(path.join(dir, 'dist'), { recursive: true });
  fs.mkdirSync(path.join(dir, 'esm'), { recursive: true });
  const manifest = {
    name: `@fixture/${folder}`, version: '1.0.0', license: 'MIT', type: 'commonjs', main: './dist/index.js', types: './dist/index.d.ts',
    exports: { '.': { import: { types: './esm/index.d.mts', default: './esm/index.mjs' }, require: { types: './dist/index.d.ts', default: './dist/index.js' } } },
  };
  if (driverEntry !== undefined) {
    // A second entry point that needs a module the example project does not install (declared as an optional peer, or not).
    manifest.exports['./driver'] = { import: { types: './esm/driver.d.mts', default: './esm/driver.mjs' }, require: { types: './dist/driver.d.ts', default: './dist/driver.js' } };
    if (driverEntry.optionalPeer) {
      manifest.peerDependencies = { 'fixture-driver-not-installed': '^1.0.0' };
      manifest.peerDependenciesMeta = { 'fixture-driver-not-installed': { optional: true } };
    }
    fs.writeFileSync(path.join(dir, 'dist', 'driver.js'), "exports.driver = require('fixture-driver-not-installed');\n");
    fs.writeFileSync(path.join(dir, 'dist', 'driver.d.ts'), 'export declare const driver: unknown;\n');
    fs.writeFileSync(path.join(dir, 'esm', 'driver.mjs'), "export * from '../dist/driver.js';\n");
    fs.writeFileSync(path.join(dir, 'esm', 'driver.d.mts'), "export * from '../dist/driver.js';\n");
  }
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify(manifest));
  fs.writeFileSync(path.join(dir, 'dist', 'index.js'), commonJs);
  fs.writeFileSync(path.join(dir, 'dist', 'index.d.ts'), 'export declare function greet(name: string): string;\n');
  fs.writeFileSync(path.join(dir, 'esm', 'index.mjs'), "export * from '../dist/index.js';\n");
  fs.writeFileSync(path.join(dir, 'esm', 'index.d.mts'), "export * from '../dist/index.js';\n");
  const code = example.replaceAll('@fixture/greet', manifest.name);
  fs.writeFileSync(path.join(dir, 'README.md'), `# ${folder}\n\n\`\`\`sh\npnpm add ${manifest.name}\n\`\`\`\n\n## Example\n\n\`\`\`ts\n${code}\n\`\`\`\n`);
  const tarballs = path.join(workDir, 'tarballs', folder);
  execFileSync('pnpm', ['pack', '--pack-destination', tarballs], { cwd: dir, stdio: 'ignore' });
  const tarball = path.join(tarballs, fs.readdirSync(tarballs)[0]);
  const pkg = { name: manifest.name, folder, dir, manifest, workspaceDependencies: [] };
  return runReadmeExample({ pkg, packages: [pkg], tarballs: new Map([[pkg.name, tarball]]), workDir });
}

const checksOf = (results) => results.map(({ check, ok }) => [check, ok]);

describe('runReadmeExample', { timeout: 240_000 }, () => {
  it('passes an example that type-checks and runs, with require and import giving the same module', () => {
    const results = runFixture({ folder: 'works', example: "import { greet } from '@fixture/greet';\nconst name: string = 'Ada';\nconsole.log(greet(name));" });
    assert.deepEqual(checksOf(results), [['install', true], ['require = import', true], ['example types', true], ['example runs', true]]);
    assert.match(results[1].output, /same 1 exports/);
    assert.match(results[3].output, /Hello, Ada/);
  });

  it('fails an example that throws', () => {
    const results = runFixture({ folder: 'throws', example: "import { greet } from '@fixture/greet';\nif (greet('Ada') !== 'Hi, Ada') throw new Error('the README promised Hi, Ada');" });
    assert.deepEqual(checksOf(results).at(-1), ['example runs', false]);
    assert.match(results.at(-1).output, /the README promised Hi, Ada/);
  });

  it('fails an example whose types are wrong before running it', () => {
    const results = runFixture({ folder: 'types', example: "import { greet } from '@fixture/greet';\nconsole.log(greet(42));" });
    assert.deepEqual(checksOf(results), [['install', true], ['require = import', true], ['example types', false]]);
    assert.match(results[2].output, /TS2345/);
  });

  it('fails a package whose ESM entry lacks a name that require gives', () => {
    const results = runFixture({ folder: 'hidden', commonJs: GREET_UNDETECTABLE, example: "import { greet } from '@fixture/greet';\nconsole.log(greet('Ada'));" });
    assert.deepEqual(checksOf(results), [['install', true], ['require = import', false]]);
    assert.match(results[1].output, /import differs from require on greet/);
  });

  it('leaves unchecked an entry point that needs an optional peer the project lacks, and says so', () => {
    const results = runFixture({ folder: 'optional', driverEntry: { optionalPeer: true }, example: "import { greet } from '@fixture/greet';\nconsole.log(greet('Ada'));" });
    assert.deepEqual(checksOf(results), [['install', true], ['require = import', true], ['example types', true], ['example runs', true]]);
    assert.match(results[1].output, /@fixture\/optional\/driver: not checked, it needs the optional peer fixture-driver-not-installed/);
  });

  it('fails an entry point whose missing module is not declared as an optional peer', () => {
    const results = runFixture({ folder: 'required', driverEntry: { optionalPeer: false }, example: "import { greet } from '@fixture/greet';\nconsole.log(greet('Ada'));" });
    assert.deepEqual(checksOf(results).slice(0, 2), [['install', true], ['require = import', false]]);
    assert.match(results[1].output, /Cannot find module 'fixture-driver-not-installed'/);
  });
});
