const assert = require('node:assert/strict');
const { describe, it } = require('node:test');
const { tarballProblems } = require('./tarball-rules.cjs');

function fitPackage() {
  const entry = (name) => ({
    import: { types: `./dist/${name}.d.mts`, default: `./dist/${name}.mjs` },
    require: { types: `./dist/${name}.d.ts`, default: `./dist/${name}.js` },
  });
  return {
    files: ['package.json', 'README.md', 'LICENSE', 'dist/index.js', 'dist/index.d.ts', 'dist/index.mjs', 'dist/index.d.mts', 'dist/index.js.map', 'dist/cli.js'],
    manifest: {
      name: '@tollgate/x', version: '1.0.0', description: 'A package that is fit to publish.', license: 'MIT', keywords: ['llm'],
      repository: { type: 'git', url: 'git+https://example.invalid/x.git', directory: 'packages/x' },
      engines: { node: '>=20.19' }, main: './dist/index.js', types: './dist/index.d.ts', bin: { x: './dist/cli.js' },
      exports: { '.': entry('index'), './package.json': './package.json' },
      dependencies: { '@tollgate/core': '1.0.0', zod: '4.6.7' },
    },
  };
}

describe('tarballProblems', () => {
  it('finds none in a package that is fit to publish', () => {
    assert.deepEqual(tarballProblems(fitPackage()), []);
  });

  it('names each missing file and piece of metadata', () => {
    const pkg = fitPackage();
    pkg.files = pkg.files.filter((file) => file !== 'LICENSE' && file !== 'dist/index.mjs');
    delete pkg.manifest.description;
    delete pkg.manifest.engines;
    delete pkg.manifest.repository.directory;
    pkg.manifest.keywords = [];
    assert.deepEqual(tarballProblems(pkg), [
      'LICENSE is not in the tarball',
      'no "description"',
      'no "keywords"',
      '"repository" needs "url" and "directory"',
      'no "engines.node"',
      './dist/index.mjs is named in package.json but is not in the tarball',
    ]);
  });

  it('refuses sources, declaration maps, tests and build state', () => {
    const pkg = fitPackage();
    pkg.files.push('src/index.ts', 'dist/index.d.ts.map', 'dist/a.test.js', 'dist/tsconfig.lib.tsbuildinfo');
    assert.equal(tarballProblems(pkg).length, 4);
    assert.match(tarballProblems(pkg)[1], /dist\/index\.d\.ts\.map .*declaration map/);
  });

  it('refuses traces of the workspace and a CommonJS-only entry point', () => {
    const pkg = fitPackage();
    pkg.manifest.dependencies['@tollgate/core'] = 'workspace:*';
    pkg.manifest.exports['.'] = { '@tollgate/source': './src/index.ts', types: './dist/index.d.ts', default: './dist/index.js' };
    assert.deepEqual(tarballProblems(pkg), [
      'dependencies.@tollgate/core is still "workspace:*"',
      '"exports" still has the in-repo "@tollgate/source" condition',
      '"exports" needs both "import" and "require" entry points',
      './src/index.ts is named in package.json but is not in the tarball',
    ]);
  });
});
