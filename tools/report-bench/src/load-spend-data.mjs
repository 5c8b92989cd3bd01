// Fills a freshly migrated ledger with the benchmark dataset: keys, users and teams, `rows` spend logs generated in
// SQL, their daily rollups, then the secondary indexes and planner statistics.
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { benchKey, dayAt, DAYS, KEYS, MODELS, TEAMS, USERS } from './bench-shape.mjs';
import { dailyPartitionSql, DAILY_BASE_SQL, ROLLUP_PARTITIONS } from './daily-rollup-sql.mjs';
import { createIndexes, dropIndexes, secondaryIndexesOf } from './secondary-indexes.mjs';
import { spendLogRowsSql } from './spend-log-rows-sql.mjs';

const CHUNK_ROWS = 1_000_000;
const LOADED_TABLES = ['spend_logs', 'daily_spend'];

/** Loads the dataset on one pinned connection (session settings and temporary tables); returns seconds per phase. */
export async function loadSpendData(db, { engine, rows, log }) {
  return db.connection().execute(async (connection) => {
    const phases = {};
    const timed = async (name, work) => {
      const started = performance.now();
      await work();
      phases[name] = Math.round(performance.now() - started) / 1000;
      log(`  ${name}: ${phases[name].toFixed(1)} s`);
    };
    const run = (text) => sql.raw(text).execute(connection);
    const restore = await tuneSessionForLoad(connection, engine);
    try {
      await timed('entities', () => insertEntities(connection, engine));
      const indexes = [];
      for (const table of LOADED_TABLES) indexes.push(...(await secondaryIndexesOf(connection, { engine, table })));
      await dropIndexes(connection, indexes);
      await timed('spend_logs', async () => {
        for (let from = 0; from < rows; from += CHUNK_ROWS) {
          const to = Math.min(rows, from + CHUNK_ROWS) - 1;
          await run(spendLogRowsSql({ engine, from, to, rows }));
          if (rows > CHUNK_ROWS) log(`    ${(to + 1).toLocaleString('en-US')} / ${rows.toLocaleString('en-US')} rows`);
        }
      });
      await timed('daily_spend', async () => {
        await run(DAILY_BASE_SQL);
        for (const partition of ROLLUP_PARTITIONS) await run(dailyPartitionSql(partition));
        await run('drop table bench_daily_base');
      });
      await timed('indexes', () => createIndexes(connection, indexes));
      // A steady-state table has been vacuumed and analyzed by autovacuum; a freshly loaded one has not.
      await timed('analyze', () => run(engine === 'postgres' ? 'vacuum (analyze) spend_logs, daily_spend, keys, teams, users' : 'analyze'));
    } finally {
      await restore();
    }
    return phases;
  });
}

async function tuneSessionForLoad(connection, engine) {
  if (engine === 'postgres') {
    for (const setting of ["synchronous_commit = off", "work_mem = '256MB'", "maintenance_work_mem = '1GB'"]) await sql.raw(`set ${setting}`).execute(connection);
    return async () => {
      for (const setting of ['synchronous_commit', 'work_mem', 'maintenance_work_mem']) await sql.raw(`reset ${setting}`).execute(connection);
    };
  }
  // The reports later run on this same connection: put back what the ledger's dialect set.
  const before = (await sql.raw('pragma synchronous').execute(connection)).rows[0]?.synchronous;
  const cacheSize = (await sql.raw('pragma cache_size').execute(connection)).rows[0]?.cache_size;
  await sql.raw('pragma synchronous = off').execute(connection);
  await sql.raw('pragma cache_size = -1000000').execute(connection);
  return async () => {
    await sql.raw(`pragma synchronous = ${Number(before)}`).execute(connection);
    await sql.raw(`pragma cache_size = ${Number(cacheSize)}`).execute(connection);
  };
}

/** Keys (with deterministic raw keys), their users and teams, and the temporary lookup tables the SQL joins. */
async function insertEntities(connection, engine) {
  const now = Date.now();
  const keys = Array.from({ length: KEYS }, (_, index) => benchKey(index));
  const temporary = [
    'create temporary table bench_keys (k integer primary key, token_hash text not null, key_alias text not null, user_id text, team_id text, end_user text)',
    'create temporary table bench_models (m integer primary key, model text not null, model_group text not null, provider text not null)',
    'create temporary table bench_days (day integer primary key, date text not null)',
  ];
  for (const text of temporary) await sql.raw(text).execute(connection);
  for (let offset = 0; offset < keys.length; offset += 250) {
    const chunk = keys.slice(offset, offset + 250);
    await connection
      .insertInto('keys')
      .values(chunk.map((key) => ({ token_hash: key.tokenHash, key_name: `sk-...${key.tokenHash.slice(-4)}`, key_alias: key.keyAlias, user_id: key.userId, team_id: key.teamId, created_at: now, updated_at: now })))
      .execute();
    await connection
      .insertInto('bench_keys')
      .values(chunk.map((key) => ({ k: key.index, token_hash: key.tokenHash, key_alias: key.keyAlias, user_id: key.userId, team_id: key.teamId, end_user: key.endUser })))
      .execute();
  }
  await connection.insertInto('users').values(Array.from({ length: USERS }, (_, index) => ({ user_id: `user-${index}`, created_at: now, updated_at: now }))).execute();
  await connection
    .insertInto('teams')
    .values(Array.from({ length: TEAMS }, (_, index) => ({ team_id: `team-${index}`, team_alias: `Team ${index}`, created_at: now, updated_at: now })))
    .execute();
  await connection.insertInto('bench_models').values(MODELS.map((model, index) => ({ m: index, model: model.model, model_group: model.modelGroup, provider: model.provider }))).execute();
  await connection.insertInto('bench_days').values(Array.from({ length: DAYS }, (_, index) => ({ day: index, date: dayAt(index) }))).execute();
  if (engine === 'postgres') await sql.raw('analyze bench_keys, bench_models, bench_days').execute(connection);
}
