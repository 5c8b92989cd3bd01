import { Kysely, sql } from 'kysely';
import { migrateLedger } from '../migrations/migrate-ledger.js';
import { parseDatabaseUrl } from './database-url.js';
import type { LedgerDb, LedgerSchema } from './ledger-schema.js';
import { loadDriver } from './load-driver.js';
import { isUniqueViolation } from './sql-errors.js';

const SQLITE_DRIVER = { name: 'better-sqlite3', range: '^12.6.2', purpose: 'A SQLite ledger' };
const POSTGRES_DRIVER = { name: 'pg', range: '^8.23.1', purpose: 'A PostgreSQL ledger' };

/** Options of {@link openLedgerDatabase}. */
export interface OpenLedgerDatabaseOptions {
  /** `postgres://…`, `sqlite:PATH`, `file:PATH`, `:memory:` or a plain file path. */
  url: string;
  /** PostgreSQL only: schema to create (if missing) and use through `search_path`, e.g. one per test file. */
  schema?: string;
  /** PostgreSQL only: most pooled connections; default 10. */
  poolSize?: number;
  /** SQLite only: how long to wait for another process's write lock; default 5000 ms. */
  busyTimeoutMs?: number;
  /** Apply pending migrations before returning; default true. */
  migrate?: boolean;
}

/**
 * Opens the ledger database (SQLite or PostgreSQL, from the URL) and, unless told not to, migrates it to the latest
 * schema. Close it with `db.destroy()`.
 */
export async function openLedgerDatabase(options: OpenLedgerDatabaseOptions): Promise<LedgerDb> {
  const location = parseDatabaseUrl(options.url);
  let db: LedgerDb;
  if (location.kind === 'sqlite') {
    if (options.schema !== undefined) throw new RangeError('The `schema` option applies to PostgreSQL only');
    // Each driver is loaded only for its own kind of URL (both are optional peer dependencies).
    const sqlite = await loadDriver(() => import('./sqlite-dialect.js'), SQLITE_DRIVER);
    db = new Kysely<LedgerSchema>({ dialect: await sqlite.createSqliteDialect({ filename: location.filename, busyTimeoutMs: options.busyTimeoutMs }) });
  } else {
    const postgres = await loadDriver(() => import('./postgres-dialect.js'), POSTGRES_DRIVER);
    if (options.schema !== undefined && !postgres.SCHEMA_NAME_PATTERN.test(options.schema)) {
      throw new RangeError(`Invalid PostgreSQL schema name ${JSON.stringify(options.schema)}`);
    }
    db = new Kysely<LedgerSchema>({
      dialect: postgres.createPostgresDialect({ connectionString: location.connectionString, schema: options.schema, poolSize: options.poolSize }),
    });
  }
  try {
    if (location.kind === 'postgres' && options.schema !== undefined) await createSchemaIfMissing(db, options.schema);
    if (options.migrate !== false) await migrateLedger(db);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return db;
}

async function createSchemaIfMissing(db: LedgerDb, schema: string): Promise<void> {
  try {
    await sql`create schema if not exists ${sql.id(schema)}`.execute(db);
  } catch (error) {
    // Two processes creating the same schema at once: the loser sees a unique violation; the schema exists either way.
    if (!isUniqueViolation(error) && (error as { code?: string }).code !== '42P06') throw error;
  }
}
