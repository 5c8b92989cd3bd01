import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const PACKAGE_ROOT = join(__dirname, '..');
const REGISTER_TS = require.resolve('@tollgate/testing/register-ts.cjs');
const HEAVY_MODULES = ['better-sqlite3', 'pg', 'ioredis', 'bullmq'];

/**
 * Runs `script` in a fresh Node process that resolves `@tollgate/ledger` to its sources (as a user's process resolves
 * it to dist/) and returns what it printed as JSON. `BLOCKED` packages fail to resolve, as when they are not installed.
 */
function runInChild(script: string, blocked: readonly string[] = []): unknown {
  const prelude = `
    const Module = require('node:module');
    const blocked = ${JSON.stringify(blocked)};
    const resolve = Module._resolveFilename;
    Module._resolveFilename = function (request, ...rest) {
      if (blocked.includes(request)) {
        const error = new Error("Cannot find module '" + request + "'");
        error.code = 'MODULE_NOT_FOUND';
        throw error;
      }
      return resolve.call(this, request, ...rest);
    };
    const loaded = () => ${JSON.stringify(HEAVY_MODULES)}.filter((name) =>
      Object.keys(require.cache).some((file) => file.includes('/node_modules/' + name + '/')));
  `;
  const child = spawnSync(process.execPath, ['--conditions=@tollgate/source', '-r', REGISTER_TS, '-e', prelude + script], {
    cwd: PACKAGE_ROOT,
    encoding: 'utf8',
    timeout: 60_000,
  });
  if (child.status !== 0) throw new Error(`child exited with ${child.status}: ${child.stderr}`);
  return JSON.parse(child.stdout.trim().split('\n').pop()!);
}

describe('optional drivers', () => {
  it('requiring @tollgate/ledger loads none of better-sqlite3, pg, ioredis, bullmq', () => {
    const result = runInChild(`
      const ledger = require('@tollgate/ledger');
      console.log(JSON.stringify({ exports: typeof ledger.openLedgerDatabase, loaded: loaded() }));
    `);
    expect(result).toEqual({ exports: 'function', loaded: [] });
  });

  it('loads each driver only behind its own entry point (the check above would see it)', () => {
    const result = runInChild(`
      const seen = {};
      require('@tollgate/ledger/queue'); seen.queue = loaded();
      require('@tollgate/ledger/postgres'); seen.postgres = loaded();
      require('@tollgate/ledger/sqlite'); seen.sqlite = loaded();
      console.log(JSON.stringify(seen));
    `);
    expect(result).toEqual({ queue: [], postgres: ['pg'], sqlite: ['better-sqlite3', 'pg'] });
  });

  it('openLedgerDatabase loads the SQLite driver for a SQLite URL, and never pg', () => {
    const result = runInChild(`
      require('@tollgate/ledger').openLedgerDatabase({ url: ':memory:' })
        .then(async (db) => { await db.destroy(); console.log(JSON.stringify(loaded())); });
    `);
    expect(result).toEqual(['better-sqlite3']);
  });

  it.each([
    { url: ':memory:', driver: 'better-sqlite3', range: '^12' },
    { url: 'postgres://postgres@127.0.0.1:1/none', driver: 'pg', range: '^8' },
  ])('openLedgerDatabase names the package to install when $driver is missing', ({ url, driver, range }) => {
    const result = runInChild(
      `
      require('@tollgate/ledger').openLedgerDatabase({ url: ${JSON.stringify(url)} })
        .then(() => console.log(JSON.stringify('opened')), (error) => console.log(JSON.stringify(error.message)));
    `,
      [driver],
    );
    expect(result).toEqual(expect.stringContaining(`needs the ${driver} package, which is not installed`));
    expect(result).toEqual(expect.stringContaining(`npm install ${driver}@${range}`));
  });
});
