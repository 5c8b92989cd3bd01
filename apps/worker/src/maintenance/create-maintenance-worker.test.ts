import { applySpendEvents, Ledger, type LedgerDb } from '@tollgate/ledger';
import type { Job } from 'bullmq';
import { createLogger } from '../observability/create-logger.js';
import { WorkerMetrics } from '../observability/worker-metrics.js';
import { eventually } from '../testing-internal/eventually.js';
import { makeSpendEvent } from '../testing-internal/spend-event-factory.js';
import { integrationServices, TestResources } from '../testing-internal/test-services.js';
import { createMaintenanceWorker, type MaintenanceWorker } from './create-maintenance-worker.js';
import { BUDGET_RESET_JOB, SPEND_LOG_RETENTION_JOB } from './maintenance-jobs.js';

const services = integrationServices('maintenance worker');
const describeIf = services ? describe : describe.skip;
const logger = createLogger({ level: 'silent' });

/** The controllable clock: mid-morning of May 20th, 2024 (UTC). */
const NOW = new Date('2024-05-20T09:30:00.000Z');

describeIf('maintenance worker against Redis and PostgreSQL', () => {
  const resources = new TestResources(services!);
  const workers: MaintenanceWorker[] = [];

  afterAll(async () => {
    await Promise.all(workers.map((maintenance) => maintenance.close().catch(() => undefined)));
    await resources.cleanup();
  });

  async function seedLedger(db: LedgerDb): Promise<{ keyHash: string }> {
    // The key was created on May 19th with a daily budget: its window ended at midnight, before NOW.
    const ledger = new Ledger(db, { clock: () => new Date('2024-05-19T12:00:00.000Z') });
    const { record } = await ledger.keys.create({ budgetDuration: '1d', maxBudgetNano: 1_000_000n });
    const at = (iso: string) => ({ start_time: iso, end_time: iso, api_key: record.tokenHash });
    await applySpendEvents(db, [
      makeSpendEvent({ ...at('2024-03-01T10:00:00.000Z'), cost_nano: '1' }), // past the 30-day retention
      makeSpendEvent({ ...at('2024-04-19T10:00:00.000Z'), cost_nano: '2' }), // past the 30-day retention
      makeSpendEvent({ ...at('2024-05-19T10:00:00.000Z'), cost_nano: '300' }), // yesterday's window
      makeSpendEvent({ ...at('2024-05-20T08:00:00.000Z'), cost_nano: '40' }), // today's window
    ]);
    return { keyHash: record.tokenHash };
  }

  it('runs each scheduled occurrence once with two workers, resetting budgets and applying retention', async () => {
    const { db } = await resources.database();
    const { keyHash } = await seedLedger(db);
    const queueName = resources.queueName('tollgate-maintenance-test');
    const metrics = [new WorkerMetrics(), new WorkerMetrics()];
    const completed: Array<{ worker: number; job: Job; result: unknown }> = [];
    for (const [index, workerMetrics] of metrics.entries()) {
      const maintenance = createMaintenanceWorker({
        connection: resources.redis(),
        db,
        logger,
        queueName,
        metrics: workerMetrics,
        clock: () => NOW,
        budgetResetEveryMs: 250,
        retention: { period: '30d', everyMs: 250, batchSize: 1 },
      });
      maintenance.worker.on('completed', (job, result) => completed.push({ worker: index, job, result }));
      workers.push(maintenance);
    }
    await Promise.all(workers.map((maintenance) => maintenance.ready));
    // Both workers upserted the same two schedulers: still one of each.
    expect((await workers[0]!.queue.getJobSchedulers()).map((scheduler) => scheduler.key).sort()).toEqual([BUDGET_RESET_JOB, SPEND_LOG_RETENTION_JOB]);

    await eventually(() => completed.filter((entry) => entry.job.name === BUDGET_RESET_JOB).length >= 6, 15_000);
    await Promise.all(workers.map((maintenance) => maintenance.worker.pause()));

    // Each occurrence (one job id, one scheduled instant) ran on exactly one of the two workers, once.
    const resets = completed.filter((entry) => entry.job.name === BUDGET_RESET_JOB);
    expect(new Set(resets.map((entry) => entry.job.id)).size).toBe(resets.length);
    expect(new Set(resets.map((entry) => entry.job.opts.prevMillis ?? entry.job.timestamp)).size).toBe(resets.length);
    // The key's window rolled over once: spend = what was logged since midnight, next reset tomorrow at midnight.
    const resetCounts = resets.map((entry) => (entry.result as { keys: number }).keys);
    expect(resetCounts.reduce((sum, count) => sum + count, 0)).toBe(1);
    const key = await db.selectFrom('keys').select(['spend_nano', 'budget_reset_at']).where('token_hash', '=', keyHash).executeTakeFirstOrThrow();
    expect(key).toEqual({ spend_nano: 40n, budget_reset_at: BigInt(Date.parse('2024-05-21T00:00:00.000Z')) });

    // Retention deleted the two logs older than 30 days before NOW and kept the rest.
    const logs = await db.selectFrom('spend_logs').select('spend_nano').orderBy('start_time').execute();
    expect(logs.map((row) => row.spend_nano)).toEqual([300n, 40n]);
    const deleted = await Promise.all(metrics.map(async (workerMetrics) => (await workerMetrics.spendLogsDeleted.get()).values[0]?.value ?? 0));
    expect(deleted[0]! + deleted[1]!).toBe(2);
    const budgetsReset = await Promise.all(metrics.map(async (workerMetrics) => (await workerMetrics.budgetsReset.get()).values.find((value) => value.labels.entity === 'keys')?.value ?? 0));
    expect(budgetsReset[0]! + budgetsReset[1]!).toBe(1);
    // The key's spend is still exact in the daily rollups the reports read.
    const rollup = await db.selectFrom('daily_spend').select((eb) => eb.fn.sum('spend_nano').as('total')).where('entity_type', '=', 'global').executeTakeFirstOrThrow();
    expect(BigInt(rollup.total)).toBe(343n);
  }, 30_000);

  it('removes the retention schedule when a worker starts without retention', async () => {
    const { db } = await resources.database();
    const queueName = resources.queueName('tollgate-maintenance-test');
    const withRetention = createMaintenanceWorker({ connection: resources.redis(), db, logger, queueName, retention: { period: '30d' } });
    workers.push(withRetention);
    await withRetention.ready;
    expect(await withRetention.queue.getJobScheduler(SPEND_LOG_RETENTION_JOB)).toEqual(expect.objectContaining({ key: SPEND_LOG_RETENTION_JOB }));
    const without = createMaintenanceWorker({ connection: resources.redis(), db, logger, queueName });
    workers.push(without);
    await without.ready;
    expect(await without.queue.getJobScheduler(SPEND_LOG_RETENTION_JOB)).toBeUndefined();
    expect(await without.queue.getJobScheduler(BUDGET_RESET_JOB)).toEqual(expect.objectContaining({ every: 60_000 }));
  }, 30_000);
});
