import type { SpendEventInput } from '@tollgate/ledger';

/**
 * Where finished calls' spend events go. `record` resolves once the event is durable (committed to the database, or
 * accepted by Redis), which is when the proxy may end the client's response.
 */
export interface SpendSink {
  record(event: SpendEventInput): Promise<void>;
  /** Waits for everything recorded so far to be durable, then releases resources. */
  close(): Promise<void>;
}
