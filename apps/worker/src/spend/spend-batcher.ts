import type { ApplySpendResult, SpendEvent } from '@tollgate/ledger';

/** Books a batch of events in one transaction (the ledger's `applySpendEvents` on a database). */
export type ApplySpendBatch = (events: SpendEvent[]) => Promise<ApplySpendResult>;

/** What one flush did, for metrics and logs. */
export type SpendBatchReport =
  | { outcome: 'committed'; size: number; applied: number; duplicates: number; durationMs: number }
  | { outcome: 'failed'; size: number; durationMs: number; error: unknown };

/** Options of {@link SpendBatcher}. */
export interface SpendBatcherOptions {
  apply: ApplySpendBatch;
  /** Most events per transaction; a batch this full is flushed at once. */
  maxBatchSize: number;
  /** Longest an event waits for companions before its (partial) batch is flushed. */
  maxWaitMs: number;
  /**
   * Transactions running at once; default 1. Every batch updates the same hot rows (a busy key, its team), so
   * parallel transactions would mostly wait on each other's row locks; with one at a time, the events that arrive
   * during a commit form the next batch (group commit), and batches grow with the load.
   */
  maxConcurrentBatches?: number;
  /** Called after every transaction, committed or failed. */
  onBatch?: (report: SpendBatchReport) => void;
}

interface PendingEvent {
  event: SpendEvent;
  resolve: (booked: boolean) => void;
  reject: (error: unknown) => void;
}

/**
 * Gathers spend events from concurrent jobs into batches and books each batch in one transaction. `add` resolves only
 * after the event's transaction committed (true: booked now, false: its request id was booked before), so a job is
 * acknowledged only once its spend is durable, and rejects when the database refused it, so the job is retried.
 *
 * When a batch of several fails, each of its events is tried alone: a database error that only one event provokes
 * (a value PostgreSQL refuses, say) then fails that job alone instead of dragging its batch mates through every retry.
 * If the database is down, they all fail again at once and are retried with backoff.
 */
export class SpendBatcher {
  private pending: PendingEvent[] = [];
  private timer: NodeJS.Timeout | undefined;
  private readonly inFlight = new Set<Promise<void>>();

  constructor(private readonly options: SpendBatcherOptions) {
    if (!Number.isInteger(options.maxBatchSize) || options.maxBatchSize < 1) throw new RangeError('maxBatchSize must be a positive integer');
  }

  /** Queues one event for the next batch; settles once that batch committed or failed. */
  add(event: SpendEvent): Promise<boolean> {
    return new Promise<boolean>((resolve, reject) => {
      this.pending.push({ event, resolve, reject });
      if (this.pending.length >= this.options.maxBatchSize) this.flush();
      else this.timer ??= setTimeout(() => this.flush(), this.options.maxWaitMs);
    });
  }

  /**
   * Starts a transaction for what is pending now (up to `maxBatchSize` events), without waiting for the batch to
   * fill; if `maxConcurrentBatches` are running, the events go as soon as one ends.
   */
  flush(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    if (this.pending.length === 0 || this.inFlight.size >= (this.options.maxConcurrentBatches ?? 1)) return;
    const batch = this.pending.splice(0, this.options.maxBatchSize);
    const running = this.book(batch).finally(() => {
      this.inFlight.delete(running);
      // Whatever arrived during this commit has waited long enough: it forms the next batch now.
      this.flush();
    });
    this.inFlight.add(running);
    if (this.pending.length > 0) this.flush();
  }

  /** Flushes what is pending and waits until every transaction started so far has ended. */
  async drain(): Promise<void> {
    this.flush();
    while (this.inFlight.size > 0 || this.pending.length > 0) {
      await Promise.allSettled([...this.inFlight]);
      this.flush();
    }
  }

  /** Events waiting for their batch, plus transactions running now (for tests and shutdown logs). */
  get state(): { pendingEvents: number; batchesInFlight: number } {
    return { pendingEvents: this.pending.length, batchesInFlight: this.inFlight.size };
  }

  private async book(batch: PendingEvent[]): Promise<void> {
    const error = await this.applyAndSettle(batch);
    if (error === undefined) return;
    if (batch.length === 1) {
      batch[0]!.reject(error);
      return;
    }
    await Promise.all(
      batch.map(async (entry) => {
        const alone = await this.applyAndSettle([entry]);
        if (alone !== undefined) entry.reject(alone);
      }),
    );
  }

  /** Applies one batch; on commit resolves its events and returns undefined, on failure returns the error. */
  private async applyAndSettle(batch: PendingEvent[]): Promise<unknown> {
    const started = performance.now();
    let result: ApplySpendResult;
    try {
      result = await this.options.apply(batch.map((entry) => entry.event));
    } catch (error) {
      this.options.onBatch?.({ outcome: 'failed', size: batch.length, durationMs: performance.now() - started, error });
      return error ?? new Error('spend batch failed');
    }
    this.options.onBatch?.({
      outcome: 'committed',
      size: batch.length,
      applied: result.applied.length,
      duplicates: result.duplicates.length,
      durationMs: performance.now() - started,
    });
    // A request id repeated inside the batch is booked once: the first job with it reports "booked", the rest not.
    const booked = new Set(result.applied);
    for (const entry of batch) entry.resolve(booked.delete(entry.event.request_id));
    return undefined;
  }
}
