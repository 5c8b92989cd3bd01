// Lets a child process run a workspace package's TypeScript sources, as Jest does (tests only): `.ts` files are compiled by
// swc when required, and `./x.js` specifiers fall back to `./x.ts`. Start node with
// `--conditions=@tollgate/source -r <this file>` so workspace packages resolve to their sources too.
const fs = require('node:fs');
const Module = require('node:module');
const { transformSync } = require('@swc/core');

const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function resolveTsFallback(request, parent, ...rest) {
  try {
    return resolveFilename.call(this, request, parent, ...rest);
  } catch (error) {
    if (request.startsWith('.') && request.endsWith('.js')) return resolveFilename.call(this, `${request.slice(0, -3)}.ts`, parent, ...rest);
    throw error;
  }
};

require.extensions['.ts'] = (module, filename) => {
  const { code } = transformSync(fs.readFileSync(filename, 'utf8'), {
    filename,
    jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
  });
  module._compile(code, filename);
};
