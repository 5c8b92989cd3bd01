import { applySpendEvents, type LedgerDb, type SpendEvent } from '@tollgate/ledger';
import { parseSpendJobData, SPEND_QUEUE_NAME, type SPEND_JOB_NAME, type SpendQueue } from '@tollgate/ledger/queue';
import { coalesceWritesUntilNextTurn } from '@tollgate/redis-kit';
import { Queue, Worker, type Processor } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Logger } from '../observability/create-logger.js';
import { WorkerMetrics } from '../observability/worker-metrics.js';
import { SpendBatcher, type ApplySpendBatch, type SpendBatchReport } from './spend-batcher.js';
import { throttledErrorLog } from '../observability/throttled-error-log.js';

/** The BullMQ worker type of the spend queue: a job carries a spend event and returns whether it booked it. */
export type SpendQueueWorker = Worker<SpendEvent, boolean, typeof SPEND_JOB_NAME>;

/** Options of {@link createSpendWorker}. */
export interface CreateSpendWorkerOptions {
  /** A shared ioredis connection (created with `maxRetriesPerRequest: null`); BullMQ duplicates it where it blocks. */
  connection: Redis;
  /** The ledger database the events are booked into. */
  db: LedgerDb;
  logger: Logger;
  /** Queue to consume; default the ledger's `SPEND_QUEUE_NAME`. */
  queueName?: string;
  /** Most events per transaction; default 500. */
  batchSize?: number;
  /** Longest an event waits for a batch to fill; default 5 ms. */
  maxBatchWaitMs?: number;
  /** Transactions running at once in this process (see `SpendBatcherOptions`); default 1. */
  maxConcurrentBatches?: number;
  /** Jobs held at once (taken from Redis, waiting in a batch or being committed); default 2 × batchSize. */
  concurrency?: number;
  /** How long a crashed worker's jobs stay locked before another worker takes them; default 30 000 ms. */
  lockDurationMs?: number;
  /** How often this worker looks for jobs whose worker died; default 30 000 ms. */
  stalledIntervalMs?: number;
  /** Metrics to count into; default a fresh set. */
  metrics?: WorkerMetrics;
  /** Replaces the booking function (tests wrap the database to simulate outages); default `applySpendEvents(db, …)`. */
  apply?: ApplySpendBatch;
  /** Start consuming at once; default true. */
  autorun?: boolean;
}

/** A running spend consumer. */
export interface SpendWorker {
  worker: SpendQueueWorker;
  /** The same queue, for depth and lag metrics (and tests). */
  queue: SpendQueue;
  batcher: SpendBatcher;
  metrics: WorkerMetrics;
  /** Stops taking jobs, books the batch in flight and closes the queue handles (not the shared connection). */
  close(): Promise<void>;
}

/**
 * A worker that books spend events in batches: up to `concurrency` jobs are taken from the queue at once, each job's
 * event joins the current batch, and a batch is committed in one transaction once full or `maxBatchWaitMs` after its
 * first event. A job completes only after its batch committed; if the database refuses, the job fails and BullMQ
 * retries it with the backoff set by the producer (`SPEND_JOB_DEFAULTS`), and idempotent booking keeps a retry or a
 * redelivery after a crash from counting twice. A malformed payload fails once with `UnrecoverableError`: it is kept
 * in the failed set, counted in `tollgate_worker_spend_poisoned_events_total`, and never retried.
 */
export function createSpendWorker(options: CreateSpendWorkerOptions): SpendWorker {
  const queueName = options.queueName ?? SPEND_QUEUE_NAME;
  const batchSize = options.batchSize ?? 500;
  const metrics = options.metrics ?? new WorkerMetrics();
  const { logger, db } = options;
  // The processor validated each event on arrival (so that a malformed one fails alone): no second parse.
  const book: ApplySpendBatch = options.apply ?? ((events) => applySpendEvents(db, events, { validated: true }));
  const apply: ApplySpendBatch = async (events) => {
    const result = await book(events);
    // The batch's jobs complete right after this returns: their moveToFinished calls leave in one socket write.
    coalesceWritesUntilNextTurn(options.connection);
    return result;
  };
  const batcher = new SpendBatcher({
    apply,
    maxBatchSize: batchSize,
    maxWaitMs: options.maxBatchWaitMs ?? 5,
    maxConcurrentBatches: options.maxConcurrentBatches ?? 1,
    onBatch: (report) => recordBatch(report, { metrics, logger, queueName }),
  });

  const processor: Processor<SpendEvent, boolean, typeof SPEND_JOB_NAME> = async (job) => {
    let event: SpendEvent;
    try {
      event = parseSpendJobData(job.data);
    } catch (error) {
      metrics.poisoned.inc();
      metrics.failures.inc({ kind: 'validation' });
      logger.error({ queue: queueName, jobId: job.id, err: error }, 'malformed spend event moved aside, not retried');
      throw error;
    }
    try {
      return await batcher.add(event);
    } catch (error) {
      metrics.failures.inc({ kind: 'database' });
      throw error;
    }
  };

  const worker: SpendQueueWorker = new Worker(queueName, processor, {
    connection: options.connection,
    concurrency: options.concurrency ?? batchSize * 2,
    lockDuration: options.lockDurationMs ?? 30_000,
    stalledInterval: options.stalledIntervalMs ?? 30_000,
    // Booking is idempotent, so a job whose worker died may be redelivered many times; BullMQ's default (1) would
    // move it to failed after a second crash, taking it out of the books until someone retries it by hand.
    maxStalledCount: 100,
    autorun: options.autorun ?? true,
  });
  worker.on('error', throttledErrorLog({ logger, fields: { queue: queueName }, message: 'spend worker error' }));
  worker.on('stalled', (jobId) => {
    metrics.stalled.inc();
    logger.warn({ queue: queueName, jobId }, 'spend job of a dead worker taken over');
  });
  const queue: SpendQueue = new Queue(queueName, { connection: options.connection });
  queue.on('error', throttledErrorLog({ logger, fields: { queue: queueName }, message: 'spend queue error' }));

  return {
    worker,
    queue,
    batcher,
    metrics,
    async close() {
      // close() stops fetching and waits for the jobs in hand, whose promises settle when their batch commits.
      const closing = worker.close();
      batcher.flush();
      await closing;
      await batcher.drain();
      await queue.close();
    },
  };
}

function recordBatch(report: SpendBatchReport, context: { metrics: WorkerMetrics; logger: Logger; queueName: string }): void {
  const { metrics, logger } = context;
  metrics.batches.inc({ outcome: report.outcome });
  metrics.batchDuration.observe(report.durationMs / 1_000);
  if (report.outcome === 'committed') {
    metrics.batchSize.observe(report.size);
    metrics.eventsApplied.inc(report.applied);
    metrics.eventsDuplicate.inc(report.duplicates);
    metrics.bookedRate.record(report.applied);
    logger.debug({ queue: context.queueName, ...report }, 'spend batch committed');
  } else {
    logger.warn({ queue: context.queueName, size: report.size, err: report.error }, 'spend batch failed; its jobs will be retried');
  }
}
