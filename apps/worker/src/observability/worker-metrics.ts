import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { RateMeter } from './rate-meter.js';

/** Options of {@link WorkerMetrics}. */
export interface WorkerMetricsOptions {
  /** Also export Node's process metrics (CPU, memory, event-loop lag) with the `tollgate_worker_` prefix; default false. */
  processMetrics?: boolean;
  /** Clock of the events/s gauge, in epoch milliseconds; default `Date.now`. */
  now?: () => number;
}

/**
 * Prometheus series of the worker. Queue depth and lag are read from Redis at scrape time (see
 * `registerQueueMetrics`); everything else is counted as the worker goes.
 */
export class WorkerMetrics {
  readonly registry = new Registry();
  /** Events per second booked, over the last 10 s (for the `events_per_second` gauge). */
  readonly bookedRate: RateMeter;

  readonly eventsApplied = new Counter({
    name: 'tollgate_worker_spend_events_applied_total',
    help: 'Spend events booked into the ledger (first delivery of a request id)',
    registers: [this.registry],
  });
  readonly eventsDuplicate = new Counter({
    name: 'tollgate_worker_spend_events_duplicate_total',
    help: 'Spend events whose request id was already booked (redelivery or re-enqueue): nothing added',
    registers: [this.registry],
  });
  readonly batches = new Counter({
    name: 'tollgate_worker_spend_batches_total',
    help: 'Spend batches applied, by outcome (committed, failed)',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });
  readonly batchSize = new Histogram({
    name: 'tollgate_worker_spend_batch_size',
    help: 'Events per committed spend batch',
    buckets: [1, 2, 5, 10, 25, 50, 100, 200, 500, 1000, 2000],
    registers: [this.registry],
  });
  readonly batchDuration = new Histogram({
    name: 'tollgate_worker_spend_batch_duration_seconds',
    help: 'Time to apply one spend batch (one transaction)',
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [this.registry],
  });
  readonly failures = new Counter({
    name: 'tollgate_worker_spend_failures_total',
    help: 'Spend job attempts that failed, by kind (database: retried with backoff; validation: moved aside)',
    labelNames: ['kind'] as const,
    registers: [this.registry],
  });
  readonly poisoned = new Counter({
    name: 'tollgate_worker_spend_poisoned_events_total',
    help: 'Spend jobs with a malformed payload, failed once with UnrecoverableError and kept in the failed set',
    registers: [this.registry],
  });
  readonly stalled = new Counter({
    name: 'tollgate_worker_spend_jobs_stalled_total',
    help: 'Spend jobs whose worker died holding them, moved back to wait by this worker (redelivered, booked once)',
    registers: [this.registry],
  });
  readonly eventsPerSecond: Gauge;
  readonly maintenanceRuns = new Counter({
    name: 'tollgate_worker_maintenance_runs_total',
    help: 'Scheduled maintenance runs, by job and outcome',
    labelNames: ['job', 'outcome'] as const,
    registers: [this.registry],
  });
  readonly maintenanceLastSuccess = new Gauge({
    name: 'tollgate_worker_maintenance_last_success_timestamp_seconds',
    help: 'When each maintenance job last succeeded (Unix seconds)',
    labelNames: ['job'] as const,
    registers: [this.registry],
  });
  readonly budgetsReset = new Counter({
    name: 'tollgate_worker_budgets_reset_total',
    help: 'Budget windows rolled over by the scheduled reset, by entity',
    labelNames: ['entity'] as const,
    registers: [this.registry],
  });
  readonly spendLogsDeleted = new Counter({
    name: 'tollgate_worker_spend_logs_deleted_total',
    help: 'Spend-log rows deleted by the retention job',
    registers: [this.registry],
  });

  constructor(options: WorkerMetricsOptions = {}) {
    this.bookedRate = new RateMeter({ now: options.now });
    const bookedRate = this.bookedRate;
    this.eventsPerSecond = new Gauge({
      name: 'tollgate_worker_spend_events_per_second',
      help: 'Spend events booked per second, averaged over the last 10 s',
      registers: [this.registry],
      collect() {
        this.set(bookedRate.perSecond());
      },
    });
    if (options.processMetrics === true) collectDefaultMetrics({ register: this.registry, prefix: 'tollgate_worker_' });
  }
}
