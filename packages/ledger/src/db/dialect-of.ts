import { PostgresAdapter, type Kysely } from 'kysely';

/** Which SQL engine a ledger handle talks to. */
export type LedgerDialect = 'sqlite' | 'postgres';

/** The engine behind a Kysely handle (or transaction). */
export function dialectOf<Schema>(db: Kysely<Schema>): LedgerDialect {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}
