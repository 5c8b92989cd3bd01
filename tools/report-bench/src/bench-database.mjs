// The benchmark's private database: `tollgate_report_bench_<random>` on a loopback PostgreSQL server, or a SQLite
// file in the temp directory; or one kept by an earlier run (--reuse). `dispose()` drops it unless told to keep it.
import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';

const LOOPBACK_HOST = /^(127\.\d+\.\d+\.\d+|localhost|\[::1\])$/;
const BENCH_DATABASE_NAME = /^tollgate_report_bench_[0-9a-f]+$/;

/** `{ engine, name, url, created, dispose({ keep }) }` for the run. */
export async function openBenchDatabase({ engine, databaseUrl, reuse }) {
  const runId = randomBytes(4).toString('hex');
  if (engine === 'sqlite') {
    const file = reuse ?? path.join(os.tmpdir(), `tollgate_report_bench_${runId}.sqlite`);
    return {
      engine,
      name: file,
      url: `sqlite:${file}`,
      created: reuse === undefined,
      dispose: async ({ keep }) => {
        if (!keep) for (const suffix of ['', '-wal', '-shm']) await rm(`${file}${suffix}`, { force: true });
      },
    };
  }
  const server = new URL(databaseUrl);
  if (!/^postgres(ql)?:$/.test(server.protocol)) throw new Error(`--database-url: ${databaseUrl} is not a postgres:// URL`);
  if (!LOOPBACK_HOST.test(server.hostname)) throw new Error(`--database-url: ${server.hostname} is not a loopback address; refusing`);
  const name = reuse ?? `tollgate_report_bench_${runId}`;
  // Only names this tool makes: --reuse cannot point it at (and later drop) someone else's database.
  if (!BENCH_DATABASE_NAME.test(name)) throw new Error(`--reuse: ${JSON.stringify(name)} is not a database this tool created`);
  if (reuse === undefined) await onServer(databaseUrl, (client) => client.query(`create database ${name}`));
  const url = new URL(databaseUrl);
  url.pathname = `/${name}`;
  return {
    engine,
    name,
    url: url.toString(),
    created: reuse === undefined,
    dispose: async ({ keep }) => {
      if (!keep) await onServer(databaseUrl, (client) => client.query(`drop database if exists ${name} with (force)`));
    },
  };
}

async function onServer(databaseUrl, work) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Server version and table sizes, for the results. */
export async function describeDatabase(db, engine) {
  if (engine === 'postgres') {
    const version = (await sql`show server_version`.execute(db)).rows[0]?.server_version;
    const sizes = await sql`select relname as table, pg_total_relation_size(oid) as bytes from pg_class where relname in ('spend_logs', 'daily_spend') and relnamespace = current_schema()::regnamespace`.execute(db);
    return { version: `PostgreSQL ${version}`, tableBytes: Object.fromEntries(sizes.rows.map((row) => [row.table, Number(row.bytes)])) };
  }
  const version = (await sql`select sqlite_version() as version`.execute(db)).rows[0]?.version;
  const pages = (await sql`pragma page_count`.execute(db)).rows[0]?.page_count;
  const pageSize = (await sql`pragma page_size`.execute(db)).rows[0]?.page_size;
  return { version: `SQLite ${version}`, fileBytes: Number(pages) * Number(pageSize) };
}
