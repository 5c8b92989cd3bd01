import { Migrator, sql, type Kysely } from 'kysely';
import { dialectOf } from '../db/dialect-of.js';
import { ledgerMigrations } from './ledger-migrations.js';

/** Names of Kysely's bookkeeping tables, prefixed so that another Kysely user of the same database is not confused. */
export const LEDGER_MIGRATION_TABLE = 'tollgate_ledger_migration';
export const LEDGER_MIGRATION_LOCK_TABLE = 'tollgate_ledger_migration_lock';

/**
 * Applies every pending ledger migration. Safe when several proxies start at once on PostgreSQL: Kysely holds a
 * session advisory lock and runs the migrations in one transaction, so the others wait and then find nothing to do.
 * On PostgreSQL the bookkeeping tables live in the current schema (the first on the search path), so schemas used
 * side by side in one database migrate independently.
 */
export async function migrateLedger(db: Kysely<any>): Promise<void> {
  let migrationTableSchema: string | undefined;
  if (dialectOf(db) === 'postgres') {
    const result = await sql<{ schema: string | null }>`select current_schema() as schema`.execute(db);
    migrationTableSchema = result.rows[0]?.schema ?? undefined;
    if (migrationTableSchema === undefined) throw new Error('PostgreSQL has no current schema: the search_path names no existing schema');
  }
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => ({ ...ledgerMigrations }) },
    migrationTableName: LEDGER_MIGRATION_TABLE,
    migrationLockTableName: LEDGER_MIGRATION_LOCK_TABLE,
    migrationTableSchema,
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error !== undefined) {
    const failed = results?.find((result) => result.status === 'Error')?.migrationName;
    throw new Error(`Ledger migration ${failed ?? '(setup)'} failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}

