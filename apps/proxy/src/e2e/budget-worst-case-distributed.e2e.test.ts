import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { nanoUsdToUsd } from '@tollgate/core';
import OpenAI from 'openai';
import { startBudgetUpstream } from './budget-upstream.js';
import { manage, startTestProxy, type TestProxy } from './start-test-proxy.js';

const redisUrl = process.env['REDIS_URL'];
const describeWithRedis = redisUrl ? describe : describe.skip;
if (!redisUrl) console.warn('distributed budget e2e skipped: REDIS_URL is not set');

const messages = [{ role: 'user' as const, content: 'hi' }];

describeWithRedis('worst-case budgets across two proxies sharing Redis', () => {
  const suffix = `${process.pid}-${Date.now()}`;
  const env = { REDIS_URL: redisUrl, TOLLGATE_REDIS_PREFIX: `e2e-b2-${suffix}`, SPEND_QUEUE_NAME: `e2e-b2-spend-${suffix}` };
  let upstream: Awaited<ReturnType<typeof startBudgetUpstream>>;
  let proxies: TestProxy[];
  let dataDir: string;

  beforeAll(async () => {
    upstream = await startBudgetUpstream();
    dataDir = await mkdtemp(join(tmpdir(), 'tollgate-b2-'));
    const shared = { upstream: { url: upstream.url, close: upstream.close } as never, env, dataDir };
    const first = await startTestProxy(shared);
    const second = await startTestProxy(shared);
    proxies = [first, second];
  });
  afterAll(async () => {
    for (const proxy of proxies ?? []) await proxy.stop();
    await upstream.close();
    const redis = new Redis(redisUrl as string);
    const keys = await redis.keys(`*e2e-b2-*${suffix}*`);
    if (keys.length > 0) await redis.del(...keys);
    await redis.quit();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('admits no more n=50 calls of 20 concurrent ones than the budget can pay for', async () => {
    const maxBudget = nanoUsdToUsd(1_000_000);
    const generated = await manage(proxies[0]!, '/key/generate', { max_budget: maxBudget });
    const clients = proxies.map((proxy) => new OpenAI({ apiKey: generated.key, baseURL: proxy.baseURL, maxRetries: 0 }));
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_unused, index) => clients[index % 2]!.chat.completions.create({ model: 'gpt-4o-mini', messages, max_tokens: 10, n: 50 })),
    );
    const admitted = results.filter((result) => result.status === 'fulfilled').length;
    // Each admitted call costs 8 × 150 + 50 × 10 × 600 = 301,200 nano-USD.
    const spent = nanoUsdToUsd(admitted * 301_200);
    console.log(`distributed n=50 ×20: ${admitted} admitted, spent ${(spent / maxBudget).toFixed(2)}× max_budget`);
    expect(admitted).toBeGreaterThan(0);
    expect(spent).toBeLessThanOrEqual(maxBudget);
  });

  it('lowers max_tokens from the room the Redis limiter reports', async () => {
    const generated = await manage(proxies[0]!, '/key/generate', { max_budget: nanoUsdToUsd(1_000_000) });
    const client = new OpenAI({ apiKey: generated.key, baseURL: proxies[1]!.baseURL, maxRetries: 0 });
    upstream.behaviour.answerTokens = 20_000;
    const before = upstream.bodies.length;
    const { response } = await client.chat.completions.create({ model: 'gpt-4o-mini', messages }).withResponse();
    upstream.behaviour.answerTokens = 100;
    const lowered = Number(response.headers.get('x-tollgate-max-tokens-lowered'));
    expect(lowered).toBe(Math.floor((1_000_000 - 8 * 150) / 600));
    expect(upstream.bodies[before]!.max_tokens).toBe(lowered);
  });
});
