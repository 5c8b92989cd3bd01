import type { Ledger, SpendEventInput } from '@tollgate/ledger';
import type { Logger } from '../observability/create-logger.js';
import type { SpendSink } from './spend-sink.js';

interface Pending {
  event: SpendEventInput;
  resolve: () => void;
  reject: (error: unknown) => void;
}

export interface EmbeddedSpendSinkOptions {
  ledger: Ledger;
  logger: Logger;
  /** Least time between two roll-ups of the journal into the totals; default 100 ms. */
  rollUpIntervalMs?: number;
}

const ROLL_UP_BATCH = 2_000;

/**
 * Embedded mode: a call's spend event is durable when its spend-log row is committed (the journal), and that is all
 * the response waits for; events that finish together share one transaction (flushed on the next turn of the event
 * loop). The totals (key, user, team, … spend and daily rollups) follow in bulk at most every `rollUpIntervalMs`, and
 * at once before management reads (`totalsUpToDate`), so booking costs one insert per call on the request path.
 * Budgets are enforced by the live counters, never by these totals, so their short lag admits nothing extra. A crash
 * loses nothing: rows still pending are rolled up at the next start.
 */
export class EmbeddedSpendSink implements SpendSink {
  private pending: Pending[] = [];
  private flushing: Promise<void> = Promise.resolve();
  private scheduled = false;
  private rollingUp: Promise<void> = Promise.resolve();
  private rollUpTimer: NodeJS.Timeout | undefined;
  private lastRollUpAtMs = 0;
  private readonly intervalMs: number;

  constructor(private readonly options: EmbeddedSpendSinkOptions) {
    this.intervalMs = options.rollUpIntervalMs ?? 100;
  }

  /** Rolls up what a previous run journaled but did not roll up (it stopped or crashed in between). */
  start(): Promise<void> {
    return this.rollUp();
  }

  record(event: SpendEventInput): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.pending.push({ event, resolve, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => {
          this.scheduled = false;
          this.flushing = this.flushing.then(() => this.flush());
        });
      }
    });
  }

  async totalsUpToDate(): Promise<void> {
    await this.flushing;
    await this.flush();
    await this.rollUp();
  }

  async close(): Promise<void> {
    clearTimeout(this.rollUpTimer);
    await this.totalsUpToDate();
  }

  private async flush(): Promise<void> {
    const batch = this.pending;
    this.pending = [];
    if (batch.length === 0) return;
    try {
      await this.options.ledger.journalSpendEvents(batch.map((item) => item.event));
      for (const item of batch) item.resolve();
    } catch (error) {
      for (const item of batch) item.reject(error);
      return;
    }
    this.scheduleRollUp();
  }

  private scheduleRollUp(): void {
    if (this.rollUpTimer !== undefined) return;
    const delayMs = Math.max(0, this.lastRollUpAtMs + this.intervalMs - Date.now());
    this.rollUpTimer = setTimeout(() => {
      this.rollUpTimer = undefined;
      this.rollUp().catch((error: unknown) => {
        this.options.logger.error({ err: error }, 'spend roll-up failed; the journaled events stay pending and are retried');
        this.scheduleRollUp();
      });
    }, delayMs);
    this.rollUpTimer.unref();
  }

  /** One roll-up at a time; each drains the journal. */
  private rollUp(): Promise<void> {
    const run = this.rollingUp.then(async () => {
      this.lastRollUpAtMs = Date.now();
      while ((await this.options.ledger.rollUpSpendJournal(ROLL_UP_BATCH)) === ROLL_UP_BATCH);
    });
    this.rollingUp = run.catch(() => undefined);
    return run;
  }
}
