import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { SqliteDialect } from 'kysely';
import { withCachedStatements } from './cached-statements.js';

/** Options of {@link createSqliteDialect}. */
export interface SqliteDialectOptions {
  /** File path, or `:memory:`. */
  filename: string;
  /** How long a writer waits for another process's lock before failing; default 5000 ms. */
  busyTimeoutMs?: number;
}

/**
 * A Kysely dialect over better-sqlite3. WAL lets readers run beside the writer; `synchronous=NORMAL` under WAL is
 * durable across a process crash (only an OS crash or power loss may drop the last commits); safe integers make every
 * INTEGER read back as bigint, so money above 2^53 nano-USD stays exact.
 */
export async function createSqliteDialect(options: SqliteDialectOptions): Promise<SqliteDialect> {
  if (options.filename !== ':memory:') await mkdir(dirname(options.filename), { recursive: true });
  const database = new Database(options.filename);
  database.pragma('journal_mode = WAL');
  database.pragma(`busy_timeout = ${Math.trunc(options.busyTimeoutMs ?? 5000)}`);
  database.pragma('synchronous = NORMAL');
  database.pragma('foreign_keys = ON');
  database.defaultSafeIntegers(true);
  return new SqliteDialect({ database: withCachedStatements(database) });
}
