// @tollgate/worker: consumes the spend queue in batches, runs the scheduled budget reset and spend-log retention,
// and serves its own health and metrics. The `tollgate-worker` program is main.ts.

// Spend consumer.
export { createSpendWorker, type CreateSpendWorkerOptions, type SpendWorker, type SpendQueueWorker } from './spend/create-spend-worker.js';
export { SpendBatcher, type SpendBatcherOptions, type SpendBatchReport, type ApplySpendBatch } from './spend/spend-batcher.js';

// Scheduled jobs.
export { createMaintenanceWorker, type CreateMaintenanceWorkerOptions, type MaintenanceWorker } from './maintenance/create-maintenance-worker.js';
export { scheduleMaintenanceJobs, type ScheduleMaintenanceJobsOptions, type MaintenanceQueue } from './maintenance/schedule-maintenance-jobs.js';
export {
  MAINTENANCE_QUEUE_NAME,
  BUDGET_RESET_JOB,
  SPEND_LOG_RETENTION_JOB,
  budgetResetJobSchema,
  spendLogRetentionJobSchema,
  type BudgetResetJob,
  type SpendLogRetentionJob,
  type MaintenanceJobName,
} from './maintenance/maintenance-jobs.js';
export {
  deleteExpiredSpendLogs,
  type DeleteExpiredSpendLogsOptions,
  type DeleteExpiredSpendLogsResult,
} from './maintenance/delete-expired-spend-logs.js';
export { retentionCutoff, type RetentionCutoffOptions } from './maintenance/retention-cutoff.js';

// Health, metrics, logging.
export { createWorkerHttpServer, type WorkerHttpServerOptions } from './http/create-worker-http-server.js';
export { createReadinessCheck, type ReadinessCheckOptions, type ReadinessReport } from './http/check-readiness.js';
export { WorkerMetrics, type WorkerMetricsOptions } from './observability/worker-metrics.js';
export { registerQueueMetrics, QUEUE_DEPTH_STATES, type RegisterQueueMetricsOptions } from './observability/register-queue-metrics.js';
export { RateMeter, type RateMeterOptions } from './observability/rate-meter.js';
export { createLogger, type CreateLoggerOptions, type Logger } from './observability/create-logger.js';
export { createRedisConnection } from './redis/create-redis-connection.js';

// The program.
export { startWorker, type StartWorkerOptions, type RunningWorker } from './app/start-worker.js';
export { parseWorkerConfig, WorkerConfigError, WORKER_FLAGS, WORKER_USAGE, type ParseWorkerConfigOptions } from './cli/parse-worker-config.js';
export { workerSettingsSchema, type WorkerConfig, type WorkerSettingName } from './cli/worker-config-schema.js';
export { runWorkerCli, WorkerExitCode, type RunWorkerCliOptions } from './cli/run-worker-cli.js';
