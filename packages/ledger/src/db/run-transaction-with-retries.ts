import { setTimeout as sleep } from 'node:timers/promises';
import type { Kysely, Transaction } from 'kysely';
import { isRetryableTransactionError } from './sql-errors.js';

/**
 * Runs `work` in one transaction, again (after a short, growing, jittered pause) when it loses a race: a PostgreSQL
 * deadlock or serialization failure, SQLite busy. Only for work that is safe to repeat; gives up after `maxAttempts`.
 */
export async function runTransactionWithRetries<Schema, Result>(
  db: Kysely<Schema>,
  work: (trx: Transaction<Schema>) => Promise<Result>,
  maxAttempts = 5,
): Promise<Result> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await db.transaction().execute(work);
    } catch (error) {
      if (attempt >= maxAttempts || !isRetryableTransactionError(error)) throw error;
      await sleep(10 * attempt + Math.random() * 20);
    }
  }
}
