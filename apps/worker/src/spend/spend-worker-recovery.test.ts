import { applySpendEvents, generateApiKey, hashApiKey, migrateLedger, type SpendEvent } from '@tollgate/ledger';
import { SPEND_JOB_NAME, spendJobOptions, type SpendQueue } from '@tollgate/ledger/queue';
import { Queue } from 'bullmq';
import { createLogger } from '../observability/create-logger.js';
import { eventually } from '../testing-internal/eventually.js';
import { readTotals, seedOwners, type TestOwners } from '../testing-internal/ledger-owners.js';
import { makeSpendEvent } from '../testing-internal/spend-event-factory.js';
import { integrationServices, TestResources, uniqueName } from '../testing-internal/test-services.js';
import { createSpendWorker, type CreateSpendWorkerOptions, type SpendWorker } from './create-spend-worker.js';

const services = integrationServices('spend worker recovery');
const describeIf = services ? describe : describe.skip;
const logger = createLogger({ level: 'silent' });

function eventsFor(owners: TestOwners, count: number): SpendEvent[] {
  return Array.from(
    { length: count },
    (_, index) =>
      makeSpendEvent({ api_key: owners.keyHash, user_id: owners.userId, team_id: owners.teamId, cost_nano: String(10 + index) }) as SpendEvent,
  );
}

const sumOf = (events: SpendEvent[]) => events.reduce((sum, event) => sum + BigInt(event.cost_nano!), 0n);

describeIf('spend worker recovery against Redis and PostgreSQL', () => {
  const resources = new TestResources(services!);
  const workers: SpendWorker[] = [];
  const start = (options: Omit<CreateSpendWorkerOptions, 'connection' | 'logger'>) => {
    const spend = createSpendWorker({ connection: resources.redis(), logger, ...options });
    workers.push(spend);
    return spend;
  };
  const producer = (queueName: string): SpendQueue => new Queue(queueName, { connection: resources.redis() });

  afterAll(async () => {
    await Promise.all(workers.map((spend) => spend.worker.close(true).then(() => spend.queue.close()).catch(() => undefined)));
    await resources.cleanup();
  });

  it('redelivers events whose worker died after commit but before the ack, and counts them once', async () => {
    const { db } = await resources.database();
    const owners = await seedOwners(db);
    const queueName = resources.queueName();
    const queue = producer(queueName);
    const events = eventsFor(owners, 300);
    await queue.addBulk(events.map((event) => ({ name: SPEND_JOB_NAME, data: event, opts: spendJobOptions(event) })));

    // The first worker commits each batch, then "crashes": the ack never happens and its locks are no longer renewed.
    let committedBeforeCrash = 0;
    const crashing = start({
      db,
      queueName,
      batchSize: 50,
      lockDurationMs: 1_000,
      stalledIntervalMs: 500,
      apply: async (batch) => {
        const result = await applySpendEvents(db, batch);
        committedBeforeCrash += result.applied.length;
        return new Promise(() => undefined);
      },
    });
    await eventually(() => committedBeforeCrash > 0);
    await crashing.worker.close(true);
    expect(await queue.getJobCounts('completed')).toEqual({ completed: 0 });

    const restarted = start({ db, queueName, batchSize: 50, lockDurationMs: 1_000, stalledIntervalMs: 500 });
    await eventually(async () => (await queue.getJobCounts('completed')).completed === 300, 30_000);

    const expected = sumOf(events);
    expect(await readTotals(db)).toEqual({ logs: 300, logSum: expected, key: expected, user: expected, team: expected });
    // The restarted worker saw the committed events again (redelivered) and added nothing for them. On a loaded machine
    // its own 1 s locks may lapse too, so some of its batches are redelivered to it again: at least the crashed ones.
    expect((await restarted.metrics.eventsDuplicate.get()).values[0]?.value).toBeGreaterThanOrEqual(committedBeforeCrash);
    expect((await restarted.metrics.eventsApplied.get()).values[0]?.value).toBe(300 - committedBeforeCrash);
    expect((await restarted.metrics.stalled.get()).values[0]?.value).toBeGreaterThanOrEqual(committedBeforeCrash);
    await queue.close();
  }, 60_000);

  it('retries events with backoff while the database refuses them, then books each exactly once', async () => {
    // The worker's schema exists but has no tables yet: every transaction fails, as against a database that is down.
    const schema = uniqueName('worker_outage');
    const { db } = await resources.database(schema, { migrate: false });
    const queueName = resources.queueName();
    const queue = producer(queueName);
    const rawKey = await generateApiKey();
    const owners: TestOwners = { keyHash: hashApiKey(rawKey), userId: 'user-1', teamId: 'team-1' };
    const events = eventsFor(owners, 120);
    await queue.addBulk(
      events.map((event) => ({ name: SPEND_JOB_NAME, data: event, opts: spendJobOptions(event, { attempts: 100, backoff: { type: 'fixed', delay: 200 } }) })),
    );

    const spend = start({ db, queueName, batchSize: 40 });
    const databaseFailures = async () =>
      (await spend.metrics.failures.get()).values.find((value) => value.labels.kind === 'database')?.value ?? 0;
    await eventually(async () => (await databaseFailures()) >= 240);
    expect(await queue.getJobCounts('completed', 'failed')).toEqual({ completed: 0, failed: 0 });

    // The database comes back (paused meanwhile so the owners exist before the first event is booked).
    await spend.worker.pause();
    await migrateLedger(db);
    await seedOwners(db, { key: rawKey });
    await spend.worker.resume();
    await eventually(async () => (await queue.getJobCounts('completed')).completed === 120, 30_000);

    const expected = sumOf(events);
    expect(await readTotals(db)).toEqual({ logs: 120, logSum: expected, key: expected, user: expected, team: expected });
    expect(await queue.getJobCounts('failed', 'delayed', 'waiting')).toEqual({ failed: 0, delayed: 0, waiting: 0 });
    await queue.close();
  }, 60_000);
});
