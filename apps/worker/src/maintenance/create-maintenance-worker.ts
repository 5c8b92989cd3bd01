import { resetExpiredBudgets, type LedgerDb } from '@tollgate/ledger';
import { Queue, UnrecoverableError, Worker, type Job, type Processor } from 'bullmq';
import type { Redis } from 'ioredis';
import type { z } from 'zod';
import type { Logger } from '../observability/create-logger.js';
import { WorkerMetrics } from '../observability/worker-metrics.js';
import { deleteExpiredSpendLogs } from './delete-expired-spend-logs.js';
import {
  BUDGET_RESET_JOB,
  budgetResetJobSchema,
  MAINTENANCE_QUEUE_NAME,
  SPEND_LOG_RETENTION_JOB,
  spendLogRetentionJobSchema,
  type BudgetResetJob,
  type MaintenanceJobName,
  type SpendLogRetentionJob,
} from './maintenance-jobs.js';
import { retentionCutoff } from './retention-cutoff.js';
import { scheduleMaintenanceJobs, type MaintenanceQueue, type ScheduleMaintenanceJobsOptions } from './schedule-maintenance-jobs.js';
import { throttledErrorLog } from '../observability/throttled-error-log.js';

/** Options of {@link createMaintenanceWorker}. */
export interface CreateMaintenanceWorkerOptions extends ScheduleMaintenanceJobsOptions {
  /** A shared ioredis connection (created with `maxRetriesPerRequest: null`). */
  connection: Redis;
  db: LedgerDb;
  logger: Logger;
  /** Default `MAINTENANCE_QUEUE_NAME`. */
  queueName?: string;
  /** The time the jobs act as of (a controllable one in tests); default now. */
  clock?: () => Date;
  metrics?: WorkerMetrics;
}

/** A running maintenance consumer. */
export interface MaintenanceWorker {
  worker: Worker<BudgetResetJob | SpendLogRetentionJob, unknown, MaintenanceJobName>;
  queue: MaintenanceQueue;
  /** Resolves once the schedulers are in Redis. */
  ready: Promise<void>;
  /** Stops taking jobs, lets a running one stop at its next safe point, closes the queue handles. */
  close(): Promise<void>;
}

function parseJobData<Schema extends z.ZodType>(schema: Schema, job: Job): z.infer<Schema> {
  const parsed = schema.safeParse(job.data);
  if (!parsed.success) throw new UnrecoverableError(`Malformed ${job.name} job ${String(job.id)}: ${parsed.error.message}`);
  return parsed.data;
}

/**
 * Runs the scheduled jobs: the budget reset (`resetExpiredBudgets`: stored spend rolled over to the current window,
 * `budget_reset_at` moved on) and, when configured, spend-log retention. Daily rollups need no job: the ledger
 * updates them in the same transaction as each spend batch. One job runs at a time per worker, and each occurrence
 * on one worker only (see `scheduleMaintenanceJobs`).
 */
export function createMaintenanceWorker(options: CreateMaintenanceWorkerOptions): MaintenanceWorker {
  const queueName = options.queueName ?? MAINTENANCE_QUEUE_NAME;
  const metrics = options.metrics ?? new WorkerMetrics();
  const clock = options.clock ?? (() => new Date());
  const { db, logger } = options;
  let closing = false;

  const runBudgetReset = async (job: Job) => {
    const data = parseJobData(budgetResetJobSchema, job);
    const result = await resetExpiredBudgets(db, { now: clock(), timezone: data.timezone });
    for (const [entity, count] of Object.entries<number>({ ...result })) if (count > 0) metrics.budgetsReset.inc({ entity }, count);
    return result;
  };
  const runRetention = async (job: Job) => {
    const data = parseJobData(spendLogRetentionJobSchema, job);
    const before = retentionCutoff({ retentionPeriod: data.retentionPeriod, now: clock() });
    const result = await deleteExpiredSpendLogs(db, { before, batchSize: data.batchSize, shouldStop: () => closing });
    metrics.spendLogsDeleted.inc(result.deleted);
    return { ...result, before: before.toISOString() };
  };

  const processor: Processor<BudgetResetJob | SpendLogRetentionJob, unknown, MaintenanceJobName> = async (job) => {
    const run = job.name === BUDGET_RESET_JOB ? runBudgetReset : job.name === SPEND_LOG_RETENTION_JOB ? runRetention : undefined;
    if (run === undefined) throw new UnrecoverableError(`Unknown maintenance job ${JSON.stringify(job.name)}`);
    try {
      const result = await run(job);
      metrics.maintenanceRuns.inc({ job: job.name, outcome: 'success' });
      metrics.maintenanceLastSuccess.set({ job: job.name }, Date.now() / 1_000);
      // A budget reset that found nothing due runs every minute: keep it out of the info log.
      const changedSomething = Object.values(result).some((value) => typeof value === 'number' && value > 0);
      logger[changedSomething ? 'info' : 'debug']({ job: job.name, jobId: job.id, result }, 'maintenance job done');
      return result;
    } catch (error) {
      metrics.maintenanceRuns.inc({ job: job.name, outcome: 'failure' });
      logger.error({ job: job.name, jobId: job.id, err: error }, 'maintenance job failed');
      throw error;
    }
  };

  const worker = new Worker<BudgetResetJob | SpendLogRetentionJob, unknown, MaintenanceJobName>(queueName, processor, {
    connection: options.connection,
    concurrency: 1,
  });
  worker.on('error', throttledErrorLog({ logger, fields: { queue: queueName }, message: 'maintenance worker error' }));
  const queue: MaintenanceQueue = new Queue(queueName, { connection: options.connection });
  queue.on('error', throttledErrorLog({ logger, fields: { queue: queueName }, message: 'maintenance queue error' }));
  const ready = scheduleMaintenanceJobs(queue, options);
  ready.catch((error: unknown) => logger.error({ queue: queueName, err: error }, 'could not schedule maintenance jobs'));

  return {
    worker,
    queue,
    ready,
    async close() {
      closing = true;
      await ready.catch(() => undefined);
      await worker.close();
      await queue.close();
    },
  };
}
