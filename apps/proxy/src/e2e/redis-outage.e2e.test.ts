import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import OpenAI from 'openai';
import { manage, startTestProxy, UPSTREAM_KEY, type TestProxy } from './start-test-proxy.js';
import { startMockUpstream, startTcpRelay, type TcpRelay } from '@tollgate/testing';

const redisUrl = process.env['REDIS_URL'];
const describeWithRedis = redisUrl ? describe : describe.skip;
if (!redisUrl) console.warn('redis outage e2e skipped: REDIS_URL is not set');

const IN_FLIGHT = 10;
/** How long the test lets in-flight calls hang before it gives up and restores Redis. */
const PATIENCE_MS = 15_000;

describeWithRedis('Redis dies while calls are in flight', () => {
  const suffix = `${process.pid}-${Date.now()}`;
  const queueName = `e2e-outage-spend-${suffix}`;
  let relay: TcpRelay;
  let upstream: Awaited<ReturnType<typeof startMockUpstream>>;
  let dataDir: string;
  let proxy: TestProxy;

  beforeAll(async () => {
    const target = new URL(redisUrl as string);
    relay = await startTcpRelay({ host: target.hostname, port: Number(target.port || 6379) });
    target.port = String(relay.port);
    upstream = await startMockUpstream({ requireApiKey: UPSTREAM_KEY });
    dataDir = await mkdtemp(join(tmpdir(), 'tollgate-outage-'));
    proxy = await startTestProxy({
      upstream,
      dataDir,
      env: {
        REDIS_URL: target.toString(),
        TOLLGATE_REDIS_PREFIX: `e2e-outage-${suffix}`,
        SPEND_QUEUE_NAME: queueName,
        TOLLGATE_SPEND_OUTBOX: join(dataDir, 'outbox.db'),
      },
    });
  }, 30_000);

  afterAll(async () => {
    await proxy.stop();
    await upstream.close();
    await relay.close();
    const redis = new Redis(redisUrl as string);
    const keys = await redis.keys(`*e2e-outage-*${suffix}*`);
    if (keys.length > 0) await redis.del(...keys);
    await redis.quit();
    await rm(dataDir, { recursive: true, force: true });
  }, 30_000);

  it('in-flight calls end within a few seconds, get their answers, and every spend event reaches the queue after Redis returns', async () => {
    const generated = await manage(proxy, '/key/generate', { max_budget: 100 });
    const client = new OpenAI({ apiKey: generated.key, baseURL: proxy.baseURL, maxRetries: 0, timeout: 60_000 });
    const requestIds: string[] = [];
    const warm = await client.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'warm' }] }).withResponse();
    requestIds.push(warm.response.headers.get('x-litellm-call-id') as string);

    upstream.setBehaviour({ reply: 'text', delayMs: 2_500 });
    const calls = Array.from({ length: IN_FLIGHT }, async (_, index) => {
      if (index % 2 === 0) {
        const { response } = await client.chat.completions
          .create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: `call ${index}` }] })
          .withResponse();
        requestIds.push(response.headers.get('x-litellm-call-id') as string);
        return;
      }
      const { data: stream, response } = await client.chat.completions
        .create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: `call ${index}` }], stream: true })
        .withResponse();
      for await (const chunk of stream) void chunk;
      requestIds.push(response.headers.get('x-litellm-call-id') as string);
    });
    await new Promise((resolve) => setTimeout(resolve, 1_000)); // all admitted, all waiting for the upstream
    await relay.cut();
    const cutAt = Date.now();
    let ended: { results: PromiseSettledResult<void>[]; afterMs: number } | undefined;
    let patience: NodeJS.Timeout | undefined;
    try {
      ended = await Promise.race([
        Promise.allSettled(calls).then((results) => ({ results, afterMs: Date.now() - cutAt })),
        new Promise<undefined>((resolve) => (patience = setTimeout(() => resolve(undefined), PATIENCE_MS))),
      ]);
      clearTimeout(patience);
      console.log(`in-flight calls ended ${ended === undefined ? `> ${PATIENCE_MS}` : ended.afterMs} ms after Redis was cut`);
    } finally {
      await relay.restore();
    }
    const results = ended?.results ?? (await Promise.allSettled(calls));
    upstream.setBehaviour(undefined);

    expect(ended?.afterMs).toBeLessThan(5_000);
    expect(results.filter((result) => result.status === 'rejected')).toEqual([]);
    expect(requestIds).toHaveLength(IN_FLIGHT + 1);

    // Every event reaches the queue once Redis is back (straight away or forwarded from the outbox), each once.
    const connection = new Redis(redisUrl as string, { maxRetriesPerRequest: null });
    const inspector = new Queue(queueName, { connection });
    try {
      let queued: string[] = [];
      for (const deadline = Date.now() + 15_000; Date.now() < deadline; await new Promise((resolve) => setTimeout(resolve, 200))) {
        queued = (await inspector.getJobs(['waiting', 'active', 'completed', 'delayed'])).map((job) => job.id as string);
        if (requestIds.every((id) => queued.includes(id))) break;
      }
      const lost = requestIds.filter((id) => !queued.includes(id));
      console.log(`spend events lost: ${lost.length} of ${requestIds.length}`);
      expect(lost).toEqual([]);
      expect(new Set(queued).size).toBe(queued.length);
    } finally {
      await inspector.close();
      await connection.quit();
    }
  }, 90_000);
});
