import type { SpendEvent } from '@tollgate/ledger';
import { SPEND_JOB_NAME, spendJobOptions, type SpendQueue } from '@tollgate/ledger/queue';
import { Queue } from 'bullmq';
import { eventually } from '../testing-internal/eventually.js';
import { readTotals, seedOwners } from '../testing-internal/ledger-owners.js';
import { makeSpendEvent } from '../testing-internal/spend-event-factory.js';
import { integrationServices, TestResources, uniqueName } from '../testing-internal/test-services.js';
import { spawnWorker, type WorkerProcess } from '../testing-internal/worker-process.js';

describe('tollgate-worker process: settings', () => {
  it('exits 2 with a message naming the bad setting', async () => {
    const worker = spawnWorker({ argv: ['--batch-size', 'many'], env: { REDIS_URL: 'redis://127.0.0.1:1' } });
    expect(await worker.exited).toBe(2);
    expect(worker.stderr()).toContain('BATCH_SIZE (--batch-size): expected an integer from 1 to 5000, got "many"');
  }, 20_000);

  it('exits 1 with one line on stderr (no stack, no password) when PostgreSQL is unreachable', async () => {
    const worker = spawnWorker({
      env: { REDIS_URL: 'redis://127.0.0.1:1', DATABASE_URL: 'postgres://postgres:hunter2@127.0.0.1:1/test', WORKER_PORT: '0' },
    });
    expect(await worker.exited).toBe(1);
    const lines = worker.stderr().trim().split('\n');
    expect(lines).toEqual([expect.stringMatching(/^tollgate-worker cannot start: .*ECONNREFUSED/)]);
    expect(worker.stderr()).not.toContain('hunter2');
    expect(worker.logs.filter((line) => line['level'] === 60)).toEqual([]);
  }, 20_000);

  it('exits 2 when REDIS_URL is missing', async () => {
    const worker = spawnWorker({ env: { REDIS_URL: '' } });
    expect(await worker.exited).toBe(2);
    expect(worker.stderr()).toContain('REDIS_URL (--redis-url): is required');
  }, 20_000);
});

const services = integrationServices('tollgate-worker process');
const describeIf = services ? describe : describe.skip;

describeIf('tollgate-worker process against Redis and PostgreSQL', () => {
  const resources = new TestResources(services!);
  const processes: WorkerProcess[] = [];
  afterAll(async () => {
    for (const worker of processes) worker.child.kill('SIGKILL');
    await Promise.all(processes.map((worker) => worker.exited));
    await resources.cleanup();
  });

  it('survives SIGKILL mid-stream (redelivery counted once) and stops cleanly on SIGTERM', async () => {
    const schema = uniqueName('worker_process');
    const { db } = await resources.database(schema);
    const owners = await seedOwners(db);
    const spendQueueName = resources.queueName();
    const env = {
      REDIS_URL: services!.redisUrl,
      DATABASE_URL: services!.databaseUrl,
      DATABASE_SCHEMA: schema,
      WORKER_PORT: '0',
      WORKER_HOST: '127.0.0.1',
      SPEND_QUEUE_NAME: spendQueueName,
      MAINTENANCE_QUEUE_NAME: resources.queueName('tollgate-maintenance-test'),
      BATCH_SIZE: '50',
      WORKER_LOCK_DURATION: '1s',
    };
    const queue: SpendQueue = new Queue(spendQueueName, { connection: resources.redis() });
    const events = Array.from({ length: 3_000 }, (_, index) =>
      makeSpendEvent({ api_key: owners.keyHash, user_id: owners.userId, team_id: owners.teamId, cost_nano: String(index + 1) }),
    );
    await queue.addBulk(events.map((event) => ({ name: SPEND_JOB_NAME, data: event as SpendEvent, opts: spendJobOptions(event) })));

    const first = spawnWorker({ env });
    processes.push(first);
    await first.waitForLog('tollgate worker started');
    await eventually(async () => (await readTotals(db)).logs > 0);
    first.child.kill('SIGKILL');
    expect(await first.exited).toBe('SIGKILL');
    expect((await queue.getJobCounts('completed')).completed).toBeLessThan(3_000);

    const second = spawnWorker({ env });
    processes.push(second);
    const started = await second.waitForLog('tollgate worker started');
    await eventually(async () => (await queue.getJobCounts('completed')).completed === 3_000, 60_000);
    const expected = BigInt((3_000 * 3_001) / 2);
    expect(await readTotals(db)).toEqual({ logs: 3_000, logSum: expected, key: expected, user: expected, team: expected });
    expect((await fetch(`http://127.0.0.1:${started.port as number}/health/readiness`)).status).toBe(200);

    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
    expect(second.logs.map((line) => line.msg)).toContain('tollgate worker stopped');
    await queue.close();
  }, 90_000);
});
