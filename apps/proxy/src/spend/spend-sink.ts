import type { SpendEventInput } from '@tollgate/ledger';

/**
 * Where finished calls' spend events go. `record` resolves once the event is durable (committed to the database, or
 * accepted by Redis), which is when the proxy may end the client's response.
 */
export interface SpendSink {
  record(event: SpendEventInput): Promise<void>;
  /**
   * Resolves once every event recorded so far shows in this proxy's own totals (key, user, team spend), for reads that
   * should see the calls before them. Embedded mode rolls its journal up now; distributed mode has nothing to wait
   * for here (the worker books the queue).
   */
  totalsUpToDate(): Promise<void>;
  /** Waits for everything recorded so far to be durable (and, embedded, rolled up), then releases resources. */
  close(): Promise<void>;
}
