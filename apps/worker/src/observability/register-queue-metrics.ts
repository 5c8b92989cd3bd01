import type { Queue } from 'bullmq';
import { Gauge, type Registry } from 'prom-client';

/** Job states reported as queue depth. */
export const QUEUE_DEPTH_STATES = ['waiting', 'active', 'delayed', 'failed'] as const;

/** Options of {@link registerQueueMetrics}. */
export interface RegisterQueueMetricsOptions {
  registry: Registry;
  /** The queues to report, each under its name. */
  queues: readonly Queue[];
  /** Clock in epoch milliseconds for the lag; default `Date.now`. */
  now?: () => number;
  /** Called when Redis cannot answer at scrape time (the series are then left out, not reported stale). */
  onError?: (error: unknown) => void;
}

/**
 * Queue depth (`tollgate_worker_queue_jobs{queue,state}`) and lag (`tollgate_worker_queue_lag_seconds{queue}`, the
 * age of the oldest waiting job: how far behind the worker is) read from Redis when `/metrics` is scraped, so every
 * worker reports the same, current figures.
 */
export function registerQueueMetrics(options: RegisterQueueMetricsOptions): void {
  const now = options.now ?? Date.now;
  const { queues, onError } = options;
  new Gauge({
    name: 'tollgate_worker_queue_jobs',
    help: 'Jobs in the queue by state (waiting, active, delayed: retries backing off, failed: kept aside)',
    labelNames: ['queue', 'state'] as const,
    registers: [options.registry],
    async collect() {
      this.reset();
      await Promise.all(
        queues.map(async (queue) => {
          try {
            const counts = await queue.getJobCounts(...QUEUE_DEPTH_STATES);
            for (const state of QUEUE_DEPTH_STATES) this.set({ queue: queue.name, state }, counts[state] ?? 0);
          } catch (error) {
            onError?.(error);
          }
        }),
      );
    },
  });
  new Gauge({
    name: 'tollgate_worker_queue_lag_seconds',
    help: 'Age of the oldest waiting job (0 when none waits)',
    labelNames: ['queue'] as const,
    registers: [options.registry],
    async collect() {
      this.reset();
      await Promise.all(
        queues.map(async (queue) => {
          try {
            const [oldest] = await queue.getWaiting(0, 0);
            const lagMs = oldest === undefined ? 0 : Math.max(0, now() - oldest.timestamp);
            this.set({ queue: queue.name }, lagMs / 1_000);
          } catch (error) {
            onError?.(error);
          }
        }),
      );
    },
  });
}
