// @tollgate/ledger/queue: the BullMQ spend-queue contract shared by proxies (producers) and workers (consumers).
// bullmq is an optional peer dependency: install it where this entry point is used.
export {
  SPEND_QUEUE_NAME,
  SPEND_JOB_NAME,
  SPEND_JOB_DEFAULTS,
  spendJobId,
  spendJobOptions,
  type SpendQueue,
} from './spend-queue-contract.js';
export { enqueueSpendEvent } from './enqueue-spend-event.js';
export { parseSpendJobData } from './parse-spend-job-data.js';
