import type { LedgerDb, SpendEvent } from '@tollgate/ledger';
import { enqueueSpendEvent, SPEND_JOB_NAME, spendJobOptions, type SpendQueue } from '@tollgate/ledger/queue';
import { Queue, type Job } from 'bullmq';
import { createLogger } from '../observability/create-logger.js';
import { eventually } from '../testing-internal/eventually.js';
import { readTotals as totals, seedOwners } from '../testing-internal/ledger-owners.js';
import { makeSpendEvent } from '../testing-internal/spend-event-factory.js';
import { integrationServices, TestResources } from '../testing-internal/test-services.js';
import { createSpendWorker, type SpendWorker } from './create-spend-worker.js';

const services = integrationServices('spend worker');
const describeIf = services ? describe : describe.skip;
const logger = createLogger({ level: 'silent' });

describeIf('createSpendWorker against Redis and PostgreSQL', () => {
  const resources = new TestResources(services!);
  const workers: SpendWorker[] = [];
  const start = (options: Partial<Parameters<typeof createSpendWorker>[0]> & { db: LedgerDb; queueName: string }) => {
    const spend = createSpendWorker({ connection: resources.redis(), logger, ...options });
    workers.push(spend);
    return spend;
  };
  const producer = (queueName: string): SpendQueue => new Queue(queueName, { connection: resources.redis() });

  afterAll(async () => {
    await Promise.all(workers.map((spend) => spend.close().catch(() => undefined)));
    await resources.cleanup();
  });

  it('books 2,000 events in batches with exact key, user and team totals, and a duplicate enqueue once', async () => {
    const { db } = await resources.database();
    const owners = await seedOwners(db);
    const queueName = resources.queueName();
    const queue = producer(queueName);
    const events = Array.from({ length: 2_000 }, (_, index) =>
      makeSpendEvent({ api_key: owners.keyHash, user_id: owners.userId, team_id: owners.teamId, cost_nano: String(1_000 + index) }),
    );
    const expected = events.reduce((sum, event) => sum + BigInt(event.cost_nano as string), 0n);
    await queue.addBulk(events.map((event) => ({ name: SPEND_JOB_NAME, data: event as SpendEvent, opts: spendJobOptions(event) })));
    // The same request enqueued again is a no-op in Redis (job id = request id).
    await enqueueSpendEvent(queue, events[0]!);

    const spend = start({ db, queueName, batchSize: 200 });
    await eventually(async () => (await queue.getJobCounts('completed')).completed === 2_000);

    expect(await totals(db)).toEqual({ logs: 2_000, logSum: expected, key: expected, user: expected, team: expected });
    expect(await queue.getJobCounts('waiting', 'active', 'delayed', 'failed')).toEqual({ waiting: 0, active: 0, delayed: 0, failed: 0 });
    const committed = await spend.metrics.batchSize.get();
    const batchCount = committed.values.find((value) => value.metricName === 'tollgate_worker_spend_batch_size_count')?.value ?? 0;
    // Batched: far fewer transactions than events (at most 200 per batch, so at least 10).
    expect(batchCount).toBeGreaterThanOrEqual(10);
    expect(batchCount).toBeLessThan(1_000);
    expect((await spend.metrics.eventsApplied.get()).values[0]?.value).toBe(2_000);
    await queue.close();
  }, 60_000);

  it('counts an event re-enqueued after completion once (the ledger is the final guard)', async () => {
    const { db } = await resources.database();
    const owners = await seedOwners(db);
    const queueName = resources.queueName();
    const queue = producer(queueName);
    start({ db, queueName, batchSize: 10 });
    const event = makeSpendEvent({ api_key: owners.keyHash, user_id: owners.userId, team_id: owners.teamId, cost_nano: '777' });
    const first = await enqueueSpendEvent(queue, event);
    await eventually(async () => (await first.getState()) === 'completed');
    expect(await queue.getJob(first.id!).then((job) => job?.returnvalue)).toBe(true);
    // A producer retry after the completed job was removed from Redis: a new job with the same request id.
    await queue.remove(first.id!);
    const again = await enqueueSpendEvent(queue, event);
    await eventually(async () => (await again.getState()) === 'completed');
    expect(await queue.getJob(again.id!).then((job) => job?.returnvalue)).toBe(false);
    expect(await totals(db)).toEqual({ logs: 1, logSum: 777n, key: 777n, user: 777n, team: 777n });
    await queue.close();
  }, 30_000);

  it('moves a poisoned payload aside once, counts it, and books the others', async () => {
    const { db } = await resources.database();
    const owners = await seedOwners(db);
    const queueName = resources.queueName();
    const queue = producer(queueName);
    const good = [1, 2, 3].map(() => makeSpendEvent({ api_key: owners.keyHash, cost_nano: '5' }));
    await queue.add(SPEND_JOB_NAME, good[0] as SpendEvent, spendJobOptions(good[0]!));
    const poisoned = (await queue.add(SPEND_JOB_NAME, { schema_version: 1, request_id: 'poison-1', cost_nano: 'lots' } as unknown as SpendEvent, spendJobOptions({ request_id: 'poison-1' }))) as Job;
    for (const event of good.slice(1)) await queue.add(SPEND_JOB_NAME, event as SpendEvent, spendJobOptions(event));

    const spend = start({ db, queueName, batchSize: 10 });
    await eventually(async () => {
      const counts = await queue.getJobCounts('completed', 'failed');
      return counts.completed === 3 && counts.failed === 1;
    });
    const failed = await queue.getJob(poisoned.id!);
    expect(failed?.attemptsMade).toBe(1);
    expect(failed?.failedReason).toMatch(/Malformed spend event poison-1/);
    expect(await queue.getJobCounts('delayed', 'waiting')).toEqual({ delayed: 0, waiting: 0 });
    expect((await spend.metrics.poisoned.get()).values[0]?.value).toBe(1);
    expect((await spend.metrics.failures.get()).values).toEqual([expect.objectContaining({ labels: { kind: 'validation' }, value: 1 })]);
    expect((await totals(db)).key).toBe(15n);
    await queue.close();
  }, 30_000);
});
