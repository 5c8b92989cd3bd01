import type { Queue } from 'bullmq';
import {
  BUDGET_RESET_JOB,
  SPEND_LOG_RETENTION_JOB,
  type BudgetResetJob,
  type MaintenanceJobName,
  type SpendLogRetentionJob,
} from './maintenance-jobs.js';

/** The maintenance queue: job data is the job's settings. */
export type MaintenanceQueue = Queue<BudgetResetJob | SpendLogRetentionJob, unknown, MaintenanceJobName>;

/** Options of {@link scheduleMaintenanceJobs}. */
export interface ScheduleMaintenanceJobsOptions {
  /** Budget reset interval; default 60 000 ms. */
  budgetResetEveryMs?: number;
  /** IANA zone of the budget calendar; default UTC. */
  timezone?: string;
  /** Spend-log retention, or undefined to keep logs forever (and remove a retention schedule set earlier). */
  retention?: {
    /** `maximum_spend_logs_retention_period`, e.g. `30d`. */
    period: string;
    /** How often the retention job runs; default 3 600 000 ms (hourly). */
    everyMs?: number;
    /** Rows per DELETE statement; default 1000. */
    batchSize?: number;
  };
}

// Only recent runs are worth keeping in Redis; failures a little longer for inspection.
const KEEP = { removeOnComplete: { count: 50 }, removeOnFail: { count: 200 } } as const;

/**
 * Creates or updates the job schedulers. A scheduler is one Redis record per id, and BullMQ creates exactly one job
 * per occurrence, so any number of workers may call this at start-up and each occurrence still runs once, on
 * whichever worker takes it. The settings travel in the job data, so every worker runs a job the same way; the last
 * worker to start decides them (give every worker the same configuration).
 */
export async function scheduleMaintenanceJobs(queue: MaintenanceQueue, options: ScheduleMaintenanceJobsOptions = {}): Promise<void> {
  await queue.upsertJobScheduler(
    BUDGET_RESET_JOB,
    { every: options.budgetResetEveryMs ?? 60_000 },
    { name: BUDGET_RESET_JOB, data: { timezone: options.timezone ?? 'UTC' }, opts: KEEP },
  );
  if (options.retention === undefined) {
    await queue.removeJobScheduler(SPEND_LOG_RETENTION_JOB);
    return;
  }
  await queue.upsertJobScheduler(
    SPEND_LOG_RETENTION_JOB,
    { every: options.retention.everyMs ?? 3_600_000 },
    {
      name: SPEND_LOG_RETENTION_JOB,
      data: { retentionPeriod: options.retention.period, batchSize: options.retention.batchSize ?? 1_000 },
      opts: KEEP,
    },
  );
}
