import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { openLedgerDatabase, type LedgerDb } from '@tollgate/ledger';
import type { Redis } from 'ioredis';
import type { WorkerConfig } from '../cli/worker-config-schema.js';
import { createReadinessCheck } from '../http/check-readiness.js';
import { createWorkerHttpServer } from '../http/create-worker-http-server.js';
import { createMaintenanceWorker, type MaintenanceWorker } from '../maintenance/create-maintenance-worker.js';
import type { Logger } from '../observability/create-logger.js';
import { registerQueueMetrics } from '../observability/register-queue-metrics.js';
import { WorkerMetrics } from '../observability/worker-metrics.js';
import { createRedisConnection } from '../redis/create-redis-connection.js';
import { throttledErrorLog } from '../observability/throttled-error-log.js';
import { createSpendWorker, type SpendWorker } from '../spend/create-spend-worker.js';

/** Options of {@link startWorker}. */
export interface StartWorkerOptions {
  config: WorkerConfig;
  logger: Logger;
  /** The time maintenance jobs act as of; default now. */
  clock?: () => Date;
  /** Export Node process metrics too; default true. */
  processMetrics?: boolean;
}

/** A running worker process: spend consumer, maintenance jobs, and the health and metrics server. */
export interface RunningWorker {
  /** The port the HTTP server listens on (useful with port 0). */
  port: number;
  spend: SpendWorker;
  maintenance: MaintenanceWorker;
  metrics: WorkerMetrics;
  db: LedgerDb;
  /**
   * Graceful stop: readiness turns 503, no new jobs are taken, the batch in flight commits and its jobs are acked,
   * then Redis, the database and the HTTP server are closed. Safe to call twice.
   */
  close(): Promise<void>;
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

/** Opens the ledger (migrating it if needed), connects to Redis, and starts consuming and serving. */
export async function startWorker(options: StartWorkerOptions): Promise<RunningWorker> {
  const { config, logger } = options;
  const db = await openLedgerDatabase({ url: config.databaseUrl, schema: config.databaseSchema });
  let redis: Redis | undefined;
  let spend: SpendWorker | undefined;
  let maintenance: MaintenanceWorker | undefined;
  try {
    redis = createRedisConnection(config.redisUrl);
    redis.on('error', throttledErrorLog({ logger, message: 'redis connection error' }));
    const connection = redis;
    const metrics = new WorkerMetrics({ processMetrics: options.processMetrics ?? true });
    spend = createSpendWorker({
      connection,
      db,
      logger,
      metrics,
      queueName: config.spendQueueName,
      batchSize: config.batchSize,
      concurrency: config.concurrency,
      lockDurationMs: config.lockDurationMs,
      stalledIntervalMs: config.lockDurationMs,
    });
    maintenance = createMaintenanceWorker({
      connection,
      db,
      logger,
      metrics,
      queueName: config.maintenanceQueueName,
      clock: options.clock,
      budgetResetEveryMs: config.budgetResetEveryMs,
      timezone: config.timezone,
      retention: config.retention,
    });
    registerQueueMetrics({
      registry: metrics.registry,
      queues: [spend.queue, maintenance.queue],
      onError: (error) => logger.warn({ err: error }, 'queue metrics unavailable'),
    });
    let closing: Promise<void> | undefined;
    const server = createWorkerHttpServer({
      registry: metrics.registry,
      readiness: createReadinessCheck({ db, redis: connection, isClosing: () => closing !== undefined }),
      logger,
    });
    const port = await listen(server, config.port, config.host);
    // Not awaited: with Redis still down the schedulers are written once it answers (and logged if refused).
    void maintenance.ready.then(() => logger.debug({ queue: config.maintenanceQueueName }, 'maintenance jobs scheduled'), () => undefined);
    logger.info(
      { port, spendQueue: config.spendQueueName, maintenanceQueue: config.maintenanceQueueName, batchSize: config.batchSize, retention: config.retention?.period ?? null },
      'tollgate worker started',
    );

    const shutDown = async () => {
      await Promise.all([running.spend.close(), running.maintenance.close()]);
      await connection.quit().catch(() => connection.disconnect());
      await db.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    };
    const running: RunningWorker = {
      port,
      spend,
      maintenance,
      metrics,
      db,
      close() {
        closing ??= shutDown();
        return closing;
      },
    };
    return running;
  } catch (error) {
    // Start-up failed half way (Redis refused the schedulers, the port is taken, …): undo what was started.
    await Promise.all([spend?.worker, maintenance?.worker].map((worker) => worker?.close(true).catch(() => undefined) ?? Promise.resolve()));
    await Promise.all([spend?.queue.close(), maintenance?.queue.close()].map((closing) => closing?.catch(() => undefined) ?? Promise.resolve()));
    redis?.disconnect();
    await db.destroy();
    throw error;
  }
}
