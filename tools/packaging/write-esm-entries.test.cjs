const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { after, describe, it } = require('node:test');
const { pathToFileURL } = require('node:url');
const { esmEntriesOf, writeEsmEntries } = require('./write-esm-entries.cjs');

const made = [];
after(() => made.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

function builtPackage() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'esm-entries-'));
  made.push(dir);
  const entry = (name) => ({
    import: { types: `./dist/${name}.d.mts`, default: `./dist/${name}.mjs` },
    require: { types: `./dist/${name}.d.ts`, default: `./dist/${name}.js` },
  });
  const manifest = { name: 'built', type: 'commonjs', exports: { '.': { '@tollgate/source': './src/index.ts', ...entry('index') }, './testing': entry('testing/index'), './package.json': './package.json' } };
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify(manifest));
  fs.mkdirSync(path.join(dir, 'dist', 'testing'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'dist', 'index.js'), 'Object.defineProperty(exports, "__esModule", { value: true });\nclass Thing {}\nexports.Thing = Thing;\nexports.answer = 42;\n');
  fs.writeFileSync(path.join(dir, 'dist', 'testing', 'index.js'), 'exports.fake = () => "fake";\n');
  return dir;
}

describe('writeEsmEntries', () => {
  it('writes .mjs entries that give the very objects `require` gives, and .d.mts types beside them', async () => {
    const dir = builtPackage();
    assert.deepEqual(writeEsmEntries(dir), ['dist/index.mjs', 'dist/index.d.mts', 'dist/testing/index.mjs', 'dist/testing/index.d.mts']);
    const imported = await import(pathToFileURL(path.join(dir, 'dist', 'index.mjs')).href);
    const required = require(path.join(dir, 'dist', 'index.js'));
    assert.deepEqual(Object.keys(imported).sort(), ['Thing', 'answer']);
    assert.equal(imported.Thing, required.Thing);
    assert.equal((await import(pathToFileURL(path.join(dir, 'dist', 'testing', 'index.mjs')).href)).fake(), 'fake');
    assert.equal(fs.readFileSync(path.join(dir, 'dist', 'index.d.mts'), 'utf8'), "export * from './index.js';\n");
  });

  it('refuses an import entry without a CommonJS build beside it', () => {
    assert.throws(() => esmEntriesOf({ exports: { '.': { import: { default: './dist/index.mjs' } } } }), /next to a "require" entry/);
    const dir = builtPackage();
    fs.rmSync(path.join(dir, 'dist', 'index.js'));
    assert.throws(() => writeEsmEntries(dir), /dist\/index\.js is missing/);
  });
});
