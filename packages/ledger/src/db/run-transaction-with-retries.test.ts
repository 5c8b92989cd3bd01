import type { Kysely } from 'kysely';
import { runTransactionWithRetries } from './run-transaction-with-retries.js';

/** A database whose transactions fail with the given errors, in order, then succeed; counts the attempts. */
function failingThen(errors: unknown[]) {
  let attempts = 0;
  const db = {
    transaction: () => ({
      execute: async <T>(work: (trx: unknown) => Promise<T>) => {
        attempts += 1;
        const error = errors.shift();
        if (error !== undefined) throw error;
        return work('trx');
      },
    }),
  } as unknown as Kysely<unknown>;
  return { db, attempts: () => attempts };
}
const withCode = (code: string) => Object.assign(new Error(code), { code });

describe('runTransactionWithRetries', () => {
  it('runs the work again after a deadlock, a serialization failure or SQLite busy', async () => {
    const { db, attempts } = failingThen([withCode('40P01'), withCode('40001'), withCode('SQLITE_BUSY')]);
    await expect(runTransactionWithRetries(db, async (trx) => `done in ${trx as unknown as string}`)).resolves.toBe('done in trx');
    expect(attempts()).toBe(4);
  });

  it('gives up after maxAttempts with the last error', async () => {
    const { db, attempts } = failingThen([withCode('40001'), withCode('40P01'), withCode('40001')]);
    await expect(runTransactionWithRetries(db, async () => 'never', 2)).rejects.toThrow('40P01');
    expect(attempts()).toBe(2);
  });

  it('never repeats work that failed for another reason', async () => {
    const { db, attempts } = failingThen([withCode('23505')]);
    await expect(runTransactionWithRetries(db, async () => 'never')).rejects.toThrow('23505');
    expect(attempts()).toBe(1);
  });
});
