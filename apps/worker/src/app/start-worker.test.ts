import type { SpendEvent } from '@tollgate/ledger';
import { enqueueSpendEvent, SPEND_JOB_NAME, spendJobOptions, type SpendQueue } from '@tollgate/ledger/queue';
import { Queue } from 'bullmq';
import { parseWorkerConfig } from '../cli/parse-worker-config.js';
import { createLogger } from '../observability/create-logger.js';
import { eventually } from '../testing-internal/eventually.js';
import { readTotals, seedOwners } from '../testing-internal/ledger-owners.js';
import { makeSpendEvent } from '../testing-internal/spend-event-factory.js';
import { integrationServices, TestResources, uniqueName } from '../testing-internal/test-services.js';
import { startWorker, type RunningWorker } from './start-worker.js';

const services = integrationServices('worker HTTP and metrics');
const describeIf = services ? describe : describe.skip;

/** The value of an unlabelled series, or of one with the given labels, in Prometheus text. */
function seriesValue(text: string, series: string): number | undefined {
  const line = text.split('\n').find((candidate) => candidate.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describeIf('startWorker: health and metrics endpoints', () => {
  const resources = new TestResources(services!);
  const schema = uniqueName('worker_app');
  const spendQueueName = resources.queueName();
  const maintenanceQueueName = resources.queueName('tollgate-maintenance-test');
  let worker: RunningWorker;
  let queue: SpendQueue;
  const url = (path: string) => `http://127.0.0.1:${worker.port}${path}`;

  beforeAll(async () => {
    const config = parseWorkerConfig({
      argv: ['--port', '0', '--host', '127.0.0.1', '--database-schema', schema, '--queue', spendQueueName, '--maintenance-queue', maintenanceQueueName],
      env: { REDIS_URL: services!.redisUrl, DATABASE_URL: services!.databaseUrl, BATCH_SIZE: '20' },
    });
    worker = await startWorker({ config, logger: createLogger({ level: 'silent' }), processMetrics: false });
    queue = new Queue(spendQueueName, { connection: resources.redis() });
  });

  afterAll(async () => {
    await worker.close();
    await queue.close();
    await resources.database(schema, { migrate: false }); // registers the schema so cleanup drops it
    await resources.cleanup();
  });

  it('answers liveliness and readiness', async () => {
    const alive = await fetch(url('/health/liveliness'));
    expect(alive.status).toBe(200);
    expect(await alive.json()).toBe("I'm alive!");
    const ready = await fetch(url('/health/readiness'));
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'healthy', db: 'connected', redis: 'connected', worker: 'running' });
    expect((await fetch(url('/nope'))).status).toBe(404);
  });

  it('exposes booking, failure, queue depth and lag series', async () => {
    await seedOwners(worker.db);
    const events = Array.from({ length: 50 }, () => makeSpendEvent({ cost_nano: '3' }));
    for (const event of events) await enqueueSpendEvent(queue, event);
    await queue.add(SPEND_JOB_NAME, { schema_version: 99 } as unknown as SpendEvent, spendJobOptions({ request_id: 'poison-app' }));
    await eventually(async () => (await queue.getJobCounts('completed', 'failed')).completed === 50);
    await eventually(async () => (await queue.getJobCounts('failed')).failed === 1);
    expect((await readTotals(worker.db)).logs).toBe(50);

    // Jobs left waiting while the worker is paused show up as depth and lag.
    await worker.spend.worker.pause();
    await enqueueSpendEvent(queue, makeSpendEvent());
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    await enqueueSpendEvent(queue, makeSpendEvent());

    const response = await fetch(url('/metrics'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
    const text = await response.text();
    expect(seriesValue(text, 'tollgate_worker_spend_events_applied_total')).toBe(50);
    expect(seriesValue(text, 'tollgate_worker_spend_events_duplicate_total')).toBe(0);
    expect(seriesValue(text, 'tollgate_worker_spend_poisoned_events_total')).toBe(1);
    expect(seriesValue(text, 'tollgate_worker_spend_failures_total{kind="validation"}')).toBe(1);
    expect(seriesValue(text, 'tollgate_worker_spend_batches_total{outcome="committed"}')).toBeGreaterThanOrEqual(3);
    expect(seriesValue(text, 'tollgate_worker_spend_batch_size_sum')).toBe(50);
    expect(seriesValue(text, 'tollgate_worker_spend_events_per_second')).toBeGreaterThan(0);
    expect(seriesValue(text, `tollgate_worker_queue_jobs{queue="${spendQueueName}",state="waiting"}`)).toBe(2);
    expect(seriesValue(text, `tollgate_worker_queue_jobs{queue="${spendQueueName}",state="failed"}`)).toBe(1);
    expect(seriesValue(text, `tollgate_worker_queue_jobs{queue="${spendQueueName}",state="active"}`)).toBe(0);
    expect(seriesValue(text, `tollgate_worker_queue_jobs{queue="${spendQueueName}",state="delayed"}`)).toBe(0);
    // Lag is the age of the OLDEST waiting job (over a second), not of the newest.
    const lag = seriesValue(text, `tollgate_worker_queue_lag_seconds{queue="${spendQueueName}"}`)!;
    expect(lag).toBeGreaterThanOrEqual(1);
    expect(lag).toBeLessThan(10);
    expect(text).toContain(`tollgate_worker_queue_jobs{queue="${maintenanceQueueName}",state="waiting"}`);
    expect(text).toContain('tollgate_worker_maintenance_runs_total{job="budget-reset",outcome="success"}');
    await worker.spend.worker.resume();
    await eventually(async () => (await queue.getJobCounts('waiting')).waiting === 0);
  }, 30_000);

  it('on close, books and acknowledges the jobs it had taken and leaves the rest waiting', async () => {
    await worker.spend.worker.pause();
    const events = Array.from({ length: 30 }, () => makeSpendEvent({ cost_nano: '5' }));
    for (const event of events) await enqueueSpendEvent(queue, event);
    const completedBefore = (await queue.getJobCounts('completed')).completed ?? 0;
    const logsBefore = (await readTotals(worker.db)).logs;
    const firstTaken = new Promise((resolve) => worker.spend.worker.once('active', resolve));
    await worker.spend.worker.resume();
    await firstTaken;
    await worker.close();

    const after = await queue.getJobCounts('active', 'waiting', 'completed');
    const acknowledged = (after.completed ?? 0) - completedBefore;
    expect(after.active).toBe(0);
    expect(acknowledged).toBeGreaterThanOrEqual(1);
    expect(acknowledged + (after.waiting ?? 0)).toBe(30);
    // Every acknowledged job is booked, and nothing else is.
    const { db } = await resources.database(schema);
    expect((await readTotals(db)).logs - logsBefore).toBe(acknowledged);
  }, 30_000);
});
