import type { Processor } from 'bullmq';
import type { Kysely } from 'kysely';
import type { LedgerSchema } from '../db/ledger-schema.js';
import { applySpendEvent, type ApplySpendOptions } from '../spend/apply-spend-events.js';
import { spendEventSchema, type SpendEvent } from '../spend/spend-event-schema.js';
import type { SPEND_JOB_NAME } from './spend-queue-contract.js';

/**
 * Validates a job's payload. A malformed payload will never become valid, so it fails once with
 * `UnrecoverableError` (BullMQ moves it to failed without retrying) instead of blocking the queue with retries.
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

/**
 * A BullMQ processor that books one spend event per job (returns true if booked, false if it was a duplicate).
 * Database errors propagate, so BullMQ retries with backoff; booking is idempotent, so a retry after an ambiguous
 * commit never counts twice. Workers that batch use `parseSpendJobData` and `applySpendEvents` directly.
 */
export function createSpendProcessor(
  db: Kysely<LedgerSchema>,
  options?: ApplySpendOptions,
): Processor<SpendEvent, boolean, typeof SPEND_JOB_NAME> {
  return async (job) => applySpendEvent(db, parseSpendJobData(job.data), options);
}
