import { randomUUID } from 'node:crypto';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { QueueSpendSink } from './queue-spend-sink.js';
import { spendEventFor } from './testing-internal/spend-event-for.js';

const redisUrl = process.env['REDIS_URL'];
const describeWithRedis = redisUrl ? describe : describe.skip;
if (!redisUrl) console.warn('QueueSpendSink tests skipped: set REDIS_URL to run them');

describeWithRedis('QueueSpendSink', () => {
  it('adds one job per request, keyed by the request id, and the jobs of one tick in one socket write', async () => {
    const queueName = `test-spend-sink-${randomUUID()}`;
    const connection = new Redis(redisUrl!, { maxRetriesPerRequest: null });
    const sink = new QueueSpendSink({ connection, queueName });
    const inspector = new Queue(queueName, { connection });
    try {
      await sink.record(spendEventFor('warm-up')); // the queue's first add loads its script
      const write = jest.spyOn(connection.stream, 'write');
      const writev = jest.spyOn(connection.stream as unknown as { _writev: (...args: unknown[]) => void }, '_writev');
      await Promise.all(['r1', 'r2', 'r3', 'r1'].map((requestId) => sink.record(spendEventFor(requestId))));
      expect(write).toHaveBeenCalledTimes(4);
      expect(writev).toHaveBeenCalledTimes(1);

      const jobs = await inspector.getJobs(['waiting']);
      expect(jobs.map((job) => job.id).sort()).toEqual(['r1', 'r2', 'r3', 'warm-up']);
      expect(jobs.find((job) => job.id === 'r2')?.data).toMatchObject({ request_id: 'r2', cost_nano: '1500', total_tokens: 15 });
    } finally {
      await inspector.obliterate({ force: true });
      await inspector.close();
      await sink.close();
      await connection.quit();
    }
  });
});
