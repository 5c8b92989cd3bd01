import type { LedgerDb } from '@tollgate/ledger';

/** Options of {@link deleteExpiredSpendLogs}. */
export interface DeleteExpiredSpendLogsOptions {
  /** Spend logs that started before this instant are deleted. */
  before: Date;
  /** Rows per DELETE statement (each its own short transaction); default 1000. */
  batchSize?: number;
  /** Most statements per call, so one run stays bounded; the next run carries on. Default 1000. */
  maxBatches?: number;
  /** Checked between statements: true stops early (the worker is shutting down). */
  shouldStop?: () => boolean;
}

/** What {@link deleteExpiredSpendLogs} did. */
export interface DeleteExpiredSpendLogsResult {
  deleted: number;
  batches: number;
  /** False when it stopped at `maxBatches` or on `shouldStop` with rows possibly left to delete. */
  complete: boolean;
}

/**
 * Spend-log retention (`maximum_spend_logs_retention_period`): deletes rows with `start_time` before the cutoff in
 * bounded statements of `batchSize` rows, oldest first, through the `start_time` index, so no statement holds many
 * locks or grows one huge transaction, and nothing is loaded into memory (LiteLLM #21908 ran out of memory doing
 * this). Totals, per-model spend and the daily rollups behind the reports are kept: only the per-call rows go.
 *
 * The ledger has no delete helper, so the query lives here, written once for SQLite and PostgreSQL.
 */
export async function deleteExpiredSpendLogs(db: LedgerDb, options: DeleteExpiredSpendLogsOptions): Promise<DeleteExpiredSpendLogsResult> {
  const batchSize = options.batchSize ?? 1_000;
  const maxBatches = options.maxBatches ?? 1_000;
  const beforeMs = BigInt(options.before.getTime());
  let deleted = 0;
  let batches = 0;
  while (batches < maxBatches) {
    if (options.shouldStop?.() === true) return { deleted, batches, complete: false };
    const result = await db
      .deleteFrom('spend_logs')
      .where('request_id', 'in', (eb) =>
        eb.selectFrom('spend_logs as expired').select('expired.request_id').where('expired.start_time', '<', beforeMs).orderBy('expired.start_time').limit(batchSize),
      )
      .executeTakeFirst();
    const count = Number(result.numDeletedRows);
    deleted += count;
    batches += 1;
    if (count < batchSize) return { deleted, batches, complete: true };
  }
  return { deleted, batches, complete: false };
}
