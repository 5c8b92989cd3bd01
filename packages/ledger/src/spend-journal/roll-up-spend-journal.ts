import type { LedgerDb } from '../db/ledger-schema.js';
import { runTransactionWithRetries } from '../db/run-transaction-with-retries.js';
import { aggregateSpendEvents } from '../spend/aggregate-spend-events.js';
import { writeSpendTotals } from '../spend/write-spend-totals.js';
import { spendLogRowToEvent } from './spend-log-row-to-event.js';

/** Options of {@link rollUpSpendJournal}. */
export interface RollUpOptions {
  /** Most journaled rows taken by one transaction; default 2,000. */
  limit?: number;
  /** Clock for rows created on the way (customers seen for the first time); default now. */
  clock?: () => Date;
  /** Attempts when PostgreSQL reports a deadlock or serialization failure; default 5. */
  maxAttempts?: number;
}

/**
 * Adds journaled spend-log rows to every total (key, user, team, member, customer, per-model, daily) in ONE
 * transaction that also marks them rolled up, so a row is added exactly once: a crash before commit adds nothing and
 * leaves the rows pending, and two processes rolling up at once never take the same row (the claim re-checks
 * `rolled_up = 0` under the row lock). Returns how many rows it rolled up; call again while it returns `limit`.
 */
export async function rollUpSpendJournal(db: LedgerDb, options: RollUpOptions = {}): Promise<number> {
  const limit = options.limit ?? 2_000;
  const clock = options.clock ?? (() => new Date());
  return runTransactionWithRetries(
    db,
    async (trx) => {
      const pending = trx.selectFrom('spend_logs').select('request_id').where('rolled_up', '=', 0).orderBy('request_id').limit(limit);
      const claimed = await trx
        .updateTable('spend_logs')
        .set({ rolled_up: 1 })
        .where('rolled_up', '=', 0)
        .where('request_id', 'in', pending)
        .returningAll()
        .execute();
      if (claimed.length > 0) await writeSpendTotals(trx, aggregateSpendEvents(claimed.map(spendLogRowToEvent)), clock().getTime());
      return claimed.length;
    },
    options.maxAttempts,
  );
}
