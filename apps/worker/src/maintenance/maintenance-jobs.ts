import { durationSchema } from '@tollgate/ledger';
import { z } from 'zod';

/** Default BullMQ queue of the scheduled jobs (separate from the spend queue, so they never wait behind spend). */
export const MAINTENANCE_QUEUE_NAME = 'tollgate-maintenance';

/** Scheduler ids, which are also the job names. */
export const BUDGET_RESET_JOB = 'budget-reset';
export const SPEND_LOG_RETENTION_JOB = 'spend-log-retention';

/** Data of a budget-reset job. */
export const budgetResetJobSchema = z.object({
  /** IANA zone of the budget calendar (`litellm_settings.timezone`). */
  timezone: z.string().min(1),
});
export type BudgetResetJob = z.infer<typeof budgetResetJobSchema>;

/** Data of a spend-log retention job. */
export const spendLogRetentionJobSchema = z.object({
  /** `maximum_spend_logs_retention_period`, e.g. `30d`. */
  retentionPeriod: durationSchema,
  /** Rows per DELETE statement. */
  batchSize: z.number().int().positive(),
});
export type SpendLogRetentionJob = z.infer<typeof spendLogRetentionJobSchema>;

/** Job names of the maintenance queue. */
export type MaintenanceJobName = typeof BUDGET_RESET_JOB | typeof SPEND_LOG_RETENTION_JOB;
