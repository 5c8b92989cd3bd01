import { randomBytes } from 'node:crypto';
import { Queue, QueueEvents, Worker, type Job } from 'bullmq';
import { Redis } from 'ioredis';
import { openLedgerDatabase } from '../db/open-ledger-database.js';
import type { LedgerDb } from '../db/ledger-schema.js';
import type { SpendEvent } from '../spend/spend-event-schema.js';
import { makeSpendEvent } from '../testing-internal/spend-event-factory.js';
import { applySpendEvent } from '../spend/apply-spend-events.js';
import { parseSpendJobData } from './parse-spend-job-data.js';
import { enqueueSpendEvent } from './enqueue-spend-event.js';
import { SPEND_JOB_DEFAULTS, SPEND_JOB_NAME, spendJobId, spendJobOptions, type SpendQueue } from './spend-queue-contract.js';

describe('spend queue contract', () => {
  it('uses the request id as job id, hashing the ids BullMQ refuses', () => {
    expect(spendJobId('chatcmpl-abc')).toBe('chatcmpl-abc');
    expect(spendJobId('12345')).toMatch(/^request-sha256-[0-9a-f]{64}$/);
    expect(spendJobId('a:b')).toMatch(/^request-sha256-[0-9a-f]{64}$/);
    expect(spendJobId('a:b')).not.toBe(spendJobId('a_b'));
    expect(spendJobOptions({ request_id: 'r1' })).toEqual({ ...SPEND_JOB_DEFAULTS, jobId: 'r1' });
    expect(spendJobOptions({ request_id: 'r1' }, { attempts: 3, jobId: 'ignored' })).toMatchObject({ attempts: 3, jobId: 'r1' });
  });

  it('refuses malformed job data with UnrecoverableError', () => {
    expect(() => parseSpendJobData({ request_id: 'r9', schema_version: 1 })).toThrow(expect.objectContaining({ name: 'UnrecoverableError', message: expect.stringContaining('r9') }));
    expect(() => parseSpendJobData('nonsense')).toThrow(/Malformed spend event/);
  });
});

const redisUrl = process.env.REDIS_URL;
const describeIfRedis = redisUrl ? describe : describe.skip;
if (!redisUrl) console.warn('REDIS_URL is not set: the BullMQ spend-queue integration test is skipped');

describeIfRedis('spend queue through real Redis', () => {
  const queueName = `tollgate-spend-test-${randomBytes(6).toString('hex')}`;
  const connections: Redis[] = [];
  const connect = () => {
    const connection = new Redis(redisUrl!, { maxRetriesPerRequest: null });
    connections.push(connection);
    return connection;
  };
  let db: LedgerDb;
  let queue: SpendQueue;
  let events: QueueEvents;
  let worker: Worker<SpendEvent, boolean, typeof SPEND_JOB_NAME>;

  beforeAll(async () => {
    db = await openLedgerDatabase({ url: ':memory:' });
    queue = new Queue(queueName, { connection: connect() });
    events = new QueueEvents(queueName, { connection: connect() });
    await events.waitUntilReady();
    // The consumer side of the contract, as the worker app implements it (in batches there).
    worker = new Worker(queueName, async (job) => applySpendEvent(db, parseSpendJobData(job.data)), { connection: connect(), autorun: false });
  });

  afterAll(async () => {
    await worker.close();
    await events.close();
    await queue.obliterate({ force: true });
    await queue.close();
    await Promise.all(connections.map((connection) => connection.quit()));
    await db.destroy();
  });

  it('enqueues a request once, books it once, and moves a poisoned payload aside without retrying', async () => {
    const first = makeSpendEvent({ cost_nano: '11', request_id: 'chatcmpl-queue-1' });
    const second = makeSpendEvent({ cost_nano: '22', request_id: 'chatcmpl:queue:2:x' });
    const job = await enqueueSpendEvent(queue, first);
    const again = await enqueueSpendEvent(queue, first);
    expect(again.id).toBe(job.id);
    const secondJob = await enqueueSpendEvent(queue, second);
    const poisoned = (await queue.add(SPEND_JOB_NAME, { schema_version: 1, request_id: 'poison' } as unknown as SpendEvent, spendJobOptions({ request_id: 'poison' }))) as Job;
    expect(await queue.getJobCounts('waiting')).toEqual({ waiting: 3 });

    const failed = new Promise<Job>((resolve) => worker.on('failed', (failedJob) => resolve(failedJob!)));
    worker.run().catch(() => undefined);
    await expect(job.waitUntilFinished(events, 10_000)).resolves.toBe(true);
    await expect(secondJob.waitUntilFinished(events, 10_000)).resolves.toBe(true);
    const failedJob = await failed;
    expect(failedJob.id).toBe(poisoned.id);
    expect(failedJob.attemptsMade).toBe(1);
    expect(failedJob.failedReason).toMatch(/Malformed spend event poison/);
    expect(await queue.getJobCounts('failed', 'delayed', 'waiting')).toEqual({ failed: 1, delayed: 0, waiting: 0 });

    const logs = await db.selectFrom('spend_logs').select(['request_id', 'spend_nano']).orderBy('request_id').execute();
    expect(logs).toEqual([
      { request_id: 'chatcmpl-queue-1', spend_nano: 11n },
      { request_id: 'chatcmpl:queue:2:x', spend_nano: 22n },
    ]);
    // A redelivery after completion (e.g. a producer retry once the job was removed) is still booked once.
    await queue.remove(job.id!);
    const redelivered = await enqueueSpendEvent(queue, first);
    await expect(redelivered.waitUntilFinished(events, 10_000)).resolves.toBe(false);
    expect(await db.selectFrom('spend_logs').select('request_id').execute()).toHaveLength(2);
  }, 30_000);
});
