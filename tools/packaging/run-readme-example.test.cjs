// Drives the README-example runner on a tiny package packed here: a working example passes, and an example that
// throws or does not type-check fails the check (and so CI).
const assert = require('node:assert/strict');
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { after, before, describe, it } = require('node:test');
const { runReadmeExample } = require('./run-readme-example.cjs');
const { writeEsmEntries } = require('./write-esm-entries.cjs');

const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'readme-example-test-'));
after(() => fs.rmSync(workDir, { recursive: true, force: true }));

let fixture;
before(() => {
  const dir = path.join(workDir, 'greet');
  fs.mkdirSync(path.join(dir, 'dist'), { recursive: true });
  const manifest = {
    name: '@fixture/greet', version: '1.0.0', license: 'MIT', type: 'commonjs', main: './dist/index.js', types: './dist/index.d.ts',
    exports: { '.': { import: { types: './dist/index.d.mts', default: './dist/index.mjs' }, require: { types: './dist/index.d.ts', default: './dist/index.js' } } },
  };
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify(manifest));
  fs.writeFileSync(path.join(dir, 'dist', 'index.js'), "exports.greet = (name) => `Hello, ${name}`;\n");
  fs.writeFileSync(path.join(dir, 'dist', 'index.d.ts'), 'export declare function greet(name: string): string;\n');
  writeEsmEntries(dir);
  execFileSync('pnpm', ['pack', '--pack-destination', workDir], { cwd: dir, stdio: 'ignore' });
  const tarball = path.join(workDir, fs.readdirSync(workDir).find((file) => file.endsWith('.tgz')));
  fixture = { pkg: { name: manifest.name, folder: 'greet', dir, manifest, workspaceDependencies: [] }, tarball };
});

function runWithExample(name, example) {
  fs.writeFileSync(path.join(fixture.pkg.dir, 'README.md'), `# greet\n\n\`\`\`sh\npnpm add @fixture/greet\n\`\`\`\n\n## Example\n\n\`\`\`ts\n${example}\n\`\`\`\n`);
  const pkg = { ...fixture.pkg, folder: name };
  return runReadmeExample({ pkg, packages: [pkg], tarballs: new Map([[pkg.name, fixture.tarball]]), workDir });
}

describe('runReadmeExample', { timeout: 180_000 }, () => {
  it('passes an example that type-checks and runs, with require and import giving the same module', () => {
    const results = runWithExample('works', "import { greet } from '@fixture/greet';\nconst name: string = 'Ada';\nconsole.log(greet(name));");
    assert.deepEqual(results.map(({ check, ok }) => [check, ok]), [['install', true], ['require = import', true], ['example types', true], ['example runs', true]]);
    assert.match(results[1].output, /same 1 exports/);
    assert.match(results[3].output, /Hello, Ada/);
  });

  it('fails an example that throws', () => {
    const results = runWithExample('throws', "import { greet } from '@fixture/greet';\nif (greet('Ada') !== 'Hi, Ada') throw new Error('the README promised Hi, Ada');");
    assert.deepEqual(results.at(-1).check, 'example runs');
    assert.equal(results.at(-1).ok, false);
    assert.match(results.at(-1).output, /the README promised Hi, Ada/);
  });

  it('fails an example whose types are wrong before running it', () => {
    const results = runWithExample('types', "import { greet } from '@fixture/greet';\nconsole.log(greet(42));");
    assert.deepEqual(results.map(({ check, ok }) => [check, ok]), [['install', true], ['require = import', true], ['example types', false]]);
    assert.match(results[2].output, /TS2345/);
  });
});
