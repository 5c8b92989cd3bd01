import { createHash } from 'node:crypto';
import type { JobsOptions, Queue } from 'bullmq';
import type { SpendEvent } from '../spend/spend-event-schema.js';

/**
 * The contract between proxies (producers) and workers (consumers) of spend events. Both sides import it from here,
 * so a queue name, job name or id rule can never drift between them.
 */

/** Default BullMQ queue name (override per deployment, e.g. to share one Redis between environments). */
export const SPEND_QUEUE_NAME = 'tollgate-spend';

/** Name of every spend job. */
export const SPEND_JOB_NAME = 'spend-event';

/** A BullMQ queue of spend events: data is a validated, JSON-safe {@link SpendEvent}; a job returns whether it booked. */
export type SpendQueue = Queue<SpendEvent, boolean, typeof SPEND_JOB_NAME>;

/**
 * Retry and retention defaults. Retries back off exponentially from 1 s over 12 attempts (about 68 minutes in all),
 * so a database outage of that length loses nothing; completed jobs are kept a day so that a re-enqueue of the same
 * request id within a day is a no-op in Redis too (the database is the final guard either way); failed jobs are kept
 * a week for inspection.
 */
export const SPEND_JOB_DEFAULTS = {
  attempts: 12,
  backoff: { type: 'exponential', delay: 1_000 },
  removeOnComplete: { age: 24 * 3_600, count: 1_000_000 },
  removeOnFail: { age: 7 * 24 * 3_600 },
} as const satisfies JobsOptions;

/**
 * The job id of a request: the request id itself, so that enqueueing the same request twice is a no-op. BullMQ
 * refuses ids that are integers or contain ':', so those (rare) request ids map to a SHA-256 digest instead.
 */
export function spendJobId(requestId: string): string {
  const usable = !requestId.includes(':') && `${Number.parseInt(requestId, 10)}` !== requestId;
  return usable ? requestId : `request-sha256-${createHash('sha256').update(requestId, 'utf8').digest('hex')}`;
}

/** Job options for one spend event: the defaults plus `jobId` from the request id. */
export function spendJobOptions(event: Pick<SpendEvent, 'request_id'>, overrides: JobsOptions = {}): JobsOptions {
  return { ...SPEND_JOB_DEFAULTS, ...overrides, jobId: spendJobId(event.request_id) };
}
