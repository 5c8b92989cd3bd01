import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import OpenAI from 'openai';
import { startMockUpstream } from '@tollgate/testing';
import { manage, startTestProxy, UPSTREAM_KEY, type TestProxy } from './start-test-proxy.js';

const redisUrl = process.env['REDIS_URL'];
const describeWithRedis = redisUrl ? describe : describe.skip;
if (!redisUrl) console.warn('distributed e2e skipped: REDIS_URL is not set');

describeWithRedis('two proxies sharing Redis enforce one set of limits', () => {
  const suffix = `${process.pid}-${Date.now()}`;
  const env = { REDIS_URL: redisUrl, TOLLGATE_REDIS_PREFIX: `e2e-${suffix}`, SPEND_QUEUE_NAME: `e2e-spend-${suffix}` };
  let upstream: Awaited<ReturnType<typeof startMockUpstream>>;
  let dataDir: string;
  let proxies: TestProxy[];

  beforeAll(async () => {
    upstream = await startMockUpstream({ requireApiKey: UPSTREAM_KEY });
    dataDir = await mkdtemp(join(tmpdir(), 'tollgate-dist-'));
    const first = await startTestProxy({ upstream, dataDir, env });
    const second = await startTestProxy({ upstream, dataDir, env });
    proxies = [first, second];
  });

  afterAll(async () => {
    for (const proxy of proxies) await proxy.stop();
    await upstream.close();
    const redis = new Redis(redisUrl as string);
    for (const pattern of [`*e2e-${suffix}*`]) {
      const keys = await redis.keys(pattern);
      if (keys.length > 0) await redis.del(...keys);
    }
    await redis.quit();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('admits exactly rpm_limit requests of a burst split across both proxies', async () => {
    const generated = await manage(proxies[0] as TestProxy, '/key/generate', { rpm_limit: 60 });
    const clients = proxies.map((proxy) => new OpenAI({ apiKey: generated.key, baseURL: proxy.baseURL, maxRetries: 0 }));
    const calls = Array.from({ length: 200 }, (_, index) =>
      (clients[index % 2] as OpenAI).chat.completions.create({ model: 'offline', messages: [{ role: 'user', content: `n${index}` }], max_tokens: 8 }),
    );
    const results = await Promise.allSettled(calls);
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(60);
    const refused = results.filter((result) => result.status === 'rejected') as PromiseRejectedResult[];
    expect(refused.every((result) => result.reason instanceof OpenAI.RateLimitError)).toBe(true);
  });

  it('revokes a blocked key on every replica within a second', async () => {
    const generated = await manage(proxies[0] as TestProxy, '/key/generate', {});
    const onSecond = new OpenAI({ apiKey: generated.key, baseURL: (proxies[1] as TestProxy).baseURL, maxRetries: 0 });
    const call = () => onSecond.chat.completions.create({ model: 'offline', messages: [{ role: 'user', content: 'x' }] });
    await expect(call()).resolves.toBeDefined(); // now cached on the second replica
    await manage(proxies[0] as TestProxy, '/key/block', { key: generated.key });
    const blockedAt = Date.now();
    let refused = false;
    while (!refused && Date.now() - blockedAt < 1_000) {
      refused = await call().then(
        () => false,
        (error: unknown) => error instanceof OpenAI.AuthenticationError,
      );
      if (!refused) await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(refused).toBe(true);
  });
});
