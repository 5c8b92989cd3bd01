import type { Ledger, SpendEventInput } from '@tollgate/ledger';
import type { SpendSink } from './spend-sink.js';

interface Pending {
  event: SpendEventInput;
  resolve: () => void;
  reject: (error: unknown) => void;
}

/**
 * Embedded mode: events are committed to the database in process. Events that finish together are grouped into one
 * transaction (flushed on the next turn of the event loop), so a burst costs one commit, not one per request.
 */
export class EmbeddedSpendSink implements SpendSink {
  private pending: Pending[] = [];
  private flushing: Promise<void> = Promise.resolve();
  private scheduled = false;

  constructor(private readonly ledger: Ledger) {}

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

  private async flush(): Promise<void> {
    const batch = this.pending;
    this.pending = [];
    if (batch.length === 0) return;
    try {
      await this.ledger.applySpendEvents(batch.map((item) => item.event));
      for (const item of batch) item.resolve();
    } catch (error) {
      for (const item of batch) item.reject(error);
    }
  }

  async close(): Promise<void> {
    await this.flushing;
    await this.flush();
  }
}
