import { spendEventSchema, type SpendEvent } from '../spend/spend-event-schema.js';

/**
 * Validates a spend job's payload: the consumer's half of the queue contract (the worker books what it returns). A
 * malformed payload will never become valid, so it fails once with `UnrecoverableError` (BullMQ moves it to failed
 * without retrying) instead of blocking the queue with retries.
 */
export function parseSpendJobData(data: unknown): SpendEvent {
  const parsed = spendEventSchema.safeParse(data);
  if (!parsed.success) {
    const requestId = typeof data === 'object' && data !== null ? (data as { request_id?: unknown }).request_id : undefined;
    // Required here, not at import: the proxy loads this package without ever running a BullMQ worker.
    const { UnrecoverableError } = require('bullmq') as typeof import('bullmq');
    throw new UnrecoverableError(`Malformed spend event${typeof requestId === 'string' ? ` ${requestId}` : ''}: ${parsed.error.message}`);
  }
  return parsed.data;
}
