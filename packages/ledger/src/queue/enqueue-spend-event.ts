import type { Job, JobsOptions } from 'bullmq';
import { spendEventSchema, type SpendEvent, type SpendEventInput } from '../spend/spend-event-schema.js';
import { SPEND_JOB_NAME, spendJobOptions, type SpendQueue } from './spend-queue-contract.js';

/**
 * Validates a spend event and adds it to the queue. Resolves once Redis has accepted the job, which is the moment
 * the proxy may finish the client's response. Enqueueing a request id that is already queued (or completed within
 * the retention window) returns the existing job and adds nothing.
 */
export async function enqueueSpendEvent(
  queue: SpendQueue,
  event: SpendEventInput | SpendEvent,
  options?: JobsOptions,
): Promise<Job<SpendEvent, boolean, typeof SPEND_JOB_NAME>> {
  const parsed = spendEventSchema.parse(event);
  return queue.add(SPEND_JOB_NAME, parsed, spendJobOptions(parsed, options));
}
