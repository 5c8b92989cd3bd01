import type { SpendEventInput } from '@tollgate/ledger';
import type { SpendOutbox } from '@tollgate/ledger/sqlite';
import { CircuitBreaker, withTimeout } from '@tollgate/redis-kit';
import type { Logger } from '../observability/create-logger.js';
import type { SpendSink } from './spend-sink.js';

export interface OutboxSpendSinkOptions {
  /** Where events normally go (the queue, or the embedded journal). */
  primary: SpendSink;
  outbox: SpendOutbox;
  logger: Logger;
  /** Longest a response waits for the primary sink before its event goes to the outbox instead. Default 1500 ms. */
  recordTimeoutMs?: number;
  /** How often the outbox is forwarded to the primary sink while it holds events. Default 1000 ms. */
  forwardIntervalMs?: number;
  /** Events forwarded per batch. Default 200. */
  forwardBatch?: number;
}

/**
 * Makes a spend event durable within a bounded time whatever the primary sink does: an event the primary sink does
 * not accept in time (Redis down, a queue add or a ledger commit that fails) is committed to the local outbox, and
 * the client gets its answer. After one failure the primary sink is skipped for a moment (a circuit breaker), so
 * later calls do not each wait out the timeout. A background loop forwards the outbox to the primary sink when it
 * accepts events again. An event that reached both (the primary accepted it just after the timeout) is booked once:
 * booking is idempotent by request id.
 */
export class OutboxSpendSink implements SpendSink {
  private readonly recordTimeoutMs: number;
  private readonly forwardIntervalMs: number;
  private readonly forwardBatch: number;
  private readonly breaker = new CircuitBreaker({ failureThreshold: 1, openMs: 2_000 });
  private forwardTimer: NodeJS.Timeout | undefined;
  private forwarding: Promise<void> = Promise.resolve();
  private closed = false;
  private toKeep: { event: SpendEventInput; resolve: () => void; reject: (error: unknown) => void }[] = [];

  constructor(private readonly options: OutboxSpendSinkOptions) {
    this.recordTimeoutMs = options.recordTimeoutMs ?? 1_500;
    this.forwardIntervalMs = options.forwardIntervalMs ?? 1_000;
    this.forwardBatch = options.forwardBatch ?? 200;
  }

  /** Forwards what a previous run left in the outbox (it stopped during an outage). */
  start(): void {
    if (this.options.outbox.size > 0) this.scheduleForward(0);
  }

  async record(event: SpendEventInput): Promise<void> {
    try {
      await this.breaker.run(() => withTimeout(this.options.primary.record(event), { timeoutMs: this.recordTimeoutMs, what: 'spend sink' }));
    } catch (error) {
      // Rejects only when the outbox cannot be written either: then the event truly cannot be kept.
      await this.keep(event);
      this.options.logger.warn({ err: error, requestId: event.request_id }, 'spend event kept in the local outbox; it is forwarded when the spend sink recovers');
      this.scheduleForward(this.forwardIntervalMs);
    }
  }

  /** Events that fail over in the same turn of the event loop share one commit (one fsync). */
  private keep(event: SpendEventInput): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.toKeep.push({ event, resolve, reject });
      if (this.toKeep.length > 1) return;
      setImmediate(() => {
        const batch = this.toKeep;
        this.toKeep = [];
        try {
          this.options.outbox.put(batch.map((item) => item.event));
          for (const item of batch) item.resolve();
        } catch {
          // One bad event must not take the others down with it: keep each on its own.
          for (const item of batch) {
            try {
              this.options.outbox.put([item.event]);
              item.resolve();
            } catch (error) {
              item.reject(error);
            }
          }
        }
      });
    });
  }

  /** Also tries to forward the outbox first (bounded), so reads after an outage see the calls made during it. */
  async totalsUpToDate(): Promise<void> {
    if (!this.closed && this.options.outbox.size > 0) await this.forwardOnce().catch(() => undefined);
    await this.options.primary.totalsUpToDate();
  }

  /** Forwards what it can within one bounded attempt (the rest stays in the outbox for the next start), then closes. */
  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.forwardTimer);
    await this.forwarding;
    await this.forwardOnce().catch(() => undefined);
    await this.options.primary.close();
    this.options.outbox.close();
  }

  private scheduleForward(delayMs: number): void {
    if (this.closed || this.forwardTimer !== undefined) return;
    this.forwardTimer = setTimeout(() => {
      this.forwardTimer = undefined;
      this.forwarding = this.forwardOnce().then(
        (remaining) => {
          if (remaining) this.scheduleForward(this.forwardIntervalMs);
        },
        (error: unknown) => {
          this.options.logger.warn({ err: error }, 'spend outbox not forwarded yet; retrying');
          this.scheduleForward(this.forwardIntervalMs);
        },
      );
    }, delayMs);
    this.forwardTimer.unref();
  }

  /** Forwards batches until the outbox is empty; resolves true when events remain (the primary refused some). */
  private async forwardOnce(): Promise<boolean> {
    const { outbox, primary } = this.options;
    // One event first: while the primary is still down, each attempt costs one waiting call, not a batch of them.
    for (let batch = 1; ; batch = this.forwardBatch) {
      const entries = outbox.peek(batch);
      if (entries.length === 0) return false;
      const results = await Promise.allSettled(
        entries.map((entry) => withTimeout(primary.record(entry.event), { timeoutMs: this.recordTimeoutMs, what: 'spend sink' })),
      );
      const forwarded = entries.filter((_, index) => results[index]?.status === 'fulfilled').map((entry) => entry.id);
      outbox.remove(forwarded);
      if (forwarded.length > 0) this.options.logger.info({ forwarded: forwarded.length }, 'spend events forwarded from the local outbox');
      if (forwarded.length < entries.length) return true;
    }
  }
}
