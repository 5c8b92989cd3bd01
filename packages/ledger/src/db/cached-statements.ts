import { LruCache } from '@tollgate/core';
import type Database from 'better-sqlite3';
import type { SqliteDatabase, SqliteStatement } from 'kysely';

/** How many distinct statements stay prepared: the ledger issues a few dozen shapes; multi-row inserts add more. */
const DEFAULT_CAPACITY = 256;

/**
 * The database as Kysely's SQLite driver sees it, with each statement prepared once and reused (least recently used
 * dropped beyond `capacity`). Kysely asks to prepare the same SQL text on every query, and preparing costs more than
 * running a small statement.
 */
export function withCachedStatements(database: Database.Database, capacity = DEFAULT_CAPACITY): SqliteDatabase {
  const statements = new LruCache<string, SqliteStatement>(capacity);
  const prepare = (sql: string): SqliteStatement => database.prepare(sql);
  return {
    close: () => {
      statements.clear();
      database.close();
    },
    prepare: (sql) => statements.getOrCreate(sql, prepare),
  };
}
