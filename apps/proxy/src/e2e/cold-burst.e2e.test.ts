import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import OpenAI from 'openai';
import { startMockUpstream } from '@tollgate/mock-upstream';
import { manage, startTestProxy, UPSTREAM_KEY, type TestProxy } from './start-test-proxy.js';

const redisUrl = process.env['REDIS_URL'];
const describeWithRedis = redisUrl ? describe : describe.skip;
if (!redisUrl) console.warn('cold burst e2e skipped: REDIS_URL is not set');

const BURST = 1_000;
/** More concurrent sockets than this and the test's own client starts failing to connect (listen backlog). */
const CONCURRENCY = 250;
/**
 * A cold proxy's first burst is where the event loop stalls (code compiled on first use, caches filled, GC): the test
 * shares the proxy's process, so it stalls the loop once itself, as a busy 2-core machine would.
 */
const STALL_MS = 800;

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

  beforeAll(async () => {
    upstream = await startMockUpstream({ requireApiKey: UPSTREAM_KEY });
    dataDir = await mkdtemp(join(tmpdir(), 'tollgate-cold-'));
  });

  afterAll(async () => {
    for (const proxy of proxies) await proxy.stop();
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
    const cold = await startTestProxy({ upstream, dataDir, env });
    proxies.push(cold);
    const client = new OpenAI({ apiKey: generated.key, baseURL: cold.baseURL, maxRetries: 0, timeout: 60_000 });
    for (const atMs of [100, 1_200, 2_400]) {
      setTimeout(() => {
        const until = Date.now() + STALL_MS;
        while (Date.now() < until);
      }, atMs);
    }
    const results = await inPool(BURST, CONCURRENCY, (index) =>
      client.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: `burst ${index}` }], max_tokens: 16 }),
    );
    const unavailable = results.filter((result) => result.status === 'rejected' && (result.reason as { status?: number }).status === 503);
    const otherFailures = results.filter((result) => result.status === 'rejected' && (result.reason as { status?: number }).status !== 503);
    console.log(`cold burst of ${BURST}: ${unavailable.length} answered 503, ${otherFailures.length} other failures`);
    expect(unavailable).toHaveLength(0);
    expect(otherFailures.map((result) => String((result as PromiseRejectedResult).reason))).toEqual([]);
  }, 120_000);
});
