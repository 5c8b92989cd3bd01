import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import OpenAI from 'openai';
import { startMockUpstream } from '@tollgate/testing';
import { manage, startTestProxy, UPSTREAM_KEY, type TestProxy } from './start-test-proxy.js';
import { Worker } from 'node:worker_threads';

const redisUrl = process.env['REDIS_URL'];
const describeWithRedis = redisUrl ? describe : describe.skip;
if (!redisUrl) console.warn('cold burst e2e skipped: REDIS_URL is not set');

const BURST = 1_000;
/** More concurrent sockets than this and the test's own client starts failing to connect (listen backlog). */
const CONCURRENCY = 250;
/**
 * A cold proxy's first burst is where the event loop stalls (code compiled on first use, caches filled, GC, a busy
 * 2-core machine). The test reproduces one deterministically: the proxy reaches Redis through a relay on its own
 * thread, which tells the proxy's thread each time it passes a reply on; once the burst runs, the proxy's thread
 * blocks its event loop on such a message. Replies keep arriving in the proxy's sockets meanwhile (as from a real
 * Redis), but the timers of the commands waiting for them expire before the loop reads them.
 */
const STALL_MS = 800;
const STALLS = 3;

/** A TCP relay to `target` on a worker thread, calling `onReply` (on this thread) whenever it passed a reply on. */
async function startThreadRelay(target: { host: string; port: number }, onReply: () => void): Promise<{ port: number; close(): Promise<void> }> {
  const worker = new Worker(
    `const net = require('node:net');
     const { parentPort, workerData } = require('node:worker_threads');
     const server = net.createServer((client) => {
       const upstream = net.connect(workerData.port, workerData.host);
       for (const socket of [client, upstream]) socket.on('error', () => socket.destroy());
       client.on('close', () => upstream.destroy());
       upstream.on('close', () => client.destroy());
       client.pipe(upstream);
       upstream.on('data', (chunk) => { client.write(chunk); parentPort.postMessage('reply'); });
     });
     server.listen(0, '127.0.0.1', () => parentPort.postMessage(server.address().port));`,
    { eval: true, workerData: target },
  );
  const port = await new Promise<number>((resolve) => worker.once('message', resolve));
  worker.on('message', onReply);
  return { port, close: async () => void (await worker.terminate()) };
}

async function inPool<T>(count: number, concurrency: number, run: (index: number) => Promise<T>): Promise<PromiseSettledResult<T>[]> {
  const results: PromiseSettledResult<T>[] = [];
  let next = 0;
  const lane = async () => {
    while (next < count) {
      const index = next++;
      results[index] = await run(index).then(
        (value) => ({ status: 'fulfilled', value }) as const,
        (reason: unknown) => ({ status: 'rejected', reason }) as const,
      );
    }
  };
  await Promise.all(Array.from({ length: concurrency }, lane));
  return results;
}

describeWithRedis('a cold distributed proxy answers its first burst', () => {
  const suffix = `${process.pid}-${Date.now()}`;
  const env = { REDIS_URL: redisUrl, TOLLGATE_REDIS_PREFIX: `e2e-cold-${suffix}`, SPEND_QUEUE_NAME: `e2e-cold-spend-${suffix}` };
  let upstream: Awaited<ReturnType<typeof startMockUpstream>>;
  let dataDir: string;
  const proxies: TestProxy[] = [];
  let relay: { port: number; close(): Promise<void> } | undefined;

  beforeAll(async () => {
    upstream = await startMockUpstream({ requireApiKey: UPSTREAM_KEY });
    dataDir = await mkdtemp(join(tmpdir(), 'tollgate-cold-'));
  });

  afterAll(async () => {
    for (const proxy of proxies) await proxy.stop();
    await relay?.close();
    await upstream.close();
    const redis = new Redis(redisUrl as string);
    const keys = await redis.keys(`*e2e-cold-*${suffix}*`);
    if (keys.length > 0) await redis.del(...keys);
    await redis.quit();
    await rm(dataDir, { recursive: true, force: true });
  }, 30_000);

  it(`answers ${BURST} concurrent calls without a single 503 "limiter unavailable"`, async () => {
    // The key is made on one proxy; the burst goes to a second, fresh one (cold Redis connection, cold caches).
    const admin = await startTestProxy({ upstream, dataDir, env });
    proxies.push(admin);
    const generated = await manage(admin, '/key/generate', { max_budget: 1_000, rpm_limit: 100_000 });
    let stallsLeft = 0;
    let lastStallAtMs = 0;
    const target = new URL(redisUrl as string);
    relay = await startThreadRelay({ host: target.hostname, port: Number(target.port || 6379) }, () => {
      if (stallsLeft === 0 || Date.now() - lastStallAtMs < 1_000) return;
      stallsLeft -= 1;
      const until = Date.now() + STALL_MS;
      while (Date.now() < until);
      lastStallAtMs = Date.now();
    });
    target.port = String(relay.port);
    const cold = await startTestProxy({ upstream, dataDir, env: { ...env, REDIS_URL: target.toString() } });
    proxies.push(cold);
    const client = new OpenAI({ apiKey: generated.key, baseURL: cold.baseURL, maxRetries: 0, timeout: 60_000 });
    const results = await inPool(BURST, CONCURRENCY, (index) => {
      if (index === CONCURRENCY) stallsLeft = STALLS; // the burst is in full swing: admissions are waiting on Redis
      return client.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: `burst ${index}` }], max_tokens: 16 });
    });
    const unavailable = results.filter((result) => result.status === 'rejected' && (result.reason as { status?: number }).status === 503);
    const otherFailures = results.filter((result) => result.status === 'rejected' && (result.reason as { status?: number }).status !== 503);
    console.log(`cold burst of ${BURST}: ${unavailable.length} answered 503, ${otherFailures.length} other failures`);
    expect(unavailable).toHaveLength(0);
    expect(otherFailures.map((result) => String((result as PromiseRejectedResult).reason))).toEqual([]);
  }, 120_000);
});
