// pnpm hook: lets node-gyp build native dependencies (better-sqlite3) offline.
// node-gyp downloads Node's headers unless it is told where they are; on machines whose Node was installed with
// its headers (Debian's nodejs: /usr/include/node), they sit beside the running node binary. pnpm 12 ignores
// `.npmrc`'s `nodedir` and passes only listed variables to install scripts, so the directory is handed to them here.
// An explicit `npm_config_nodedir` wins; without local headers nothing changes (node-gyp downloads as usual).
const fs = require('node:fs');
const path = require('node:path');

function nodeDirWithHeaders() {
  const prefix = path.dirname(path.dirname(process.execPath));
  const versionHeader = path.join(prefix, 'include', 'node', 'node_version.h');
  if (!fs.existsSync(versionHeader)) return undefined;
  const text = fs.readFileSync(versionHeader, 'utf8');
  const part = (name) => new RegExp(`#define NODE_${name}_VERSION (\\d+)`).exec(text)?.[1];
  const headersVersion = `v${part('MAJOR')}.${part('MINOR')}.${part('PATCH')}`;
  return headersVersion === process.version ? prefix : undefined;
}

module.exports = {
  hooks: {
    updateConfig(config) {
      const nodedir = process.env.npm_config_nodedir || nodeDirWithHeaders();
      if (nodedir === undefined) return config;
      return { ...config, extraEnv: { ...(config.extraEnv ?? {}), npm_config_nodedir: nodedir } };
    },
  },
};
