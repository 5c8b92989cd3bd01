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
  const statements = new Map<string, SqliteStatement>();
  return {
    close: () => {
      statements.clear();
      database.close();
    },
    prepare: (sql) => {
      let statement = statements.get(sql);
      if (statement !== undefined) {
        statements.delete(sql);
      } else {
        statement = database.prepare(sql);
        if (statements.size >= capacity) statements.delete(statements.keys().next().value as string);
      }
      statements.set(sql, statement);
      return statement;
    },
  };
}
