import OpenAI from 'openai';
import { manage, startTestProxy, type TestProxy } from './start-test-proxy.js';

const RANDOM_TOKENS = 5_000;
const END_USERS = 2_000;
const CONCURRENCY = 50;

async function inPool(count: number, run: (index: number) => Promise<unknown>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < count) await run(next++).catch(() => undefined);
    }),
  );
}

async function authCacheEntries(proxy: TestProxy): Promise<Record<string, number>> {
  const text = await (await fetch(`${proxy.proxy.url}/metrics`)).text();
  const entries: Record<string, number> = {};
  for (const match of text.matchAll(/^tollgate_auth_cache_entries\{cache="(\w+)"\} (\d+)$/gm)) entries[match[1] as string] = Number(match[2]);
  return entries;
}

describe('auth caches stay bounded whatever clients send', () => {
  let proxy: TestProxy;

  beforeAll(async () => {
    proxy = await startTestProxy();
  });
  afterAll(async () => {
    await proxy.stop();
  });

  it(`holds at most 1 000 unknown tokens and 1 000 unknown end users after ${RANDOM_TOKENS} random tokens and ${END_USERS} new end-user ids`, async () => {
    const generated = await manage(proxy, '/key/generate', {});
    const valid = new OpenAI({ apiKey: generated.key, baseURL: proxy.baseURL, maxRetries: 0 });
    await inPool(RANDOM_TOKENS, (index) =>
      new OpenAI({ apiKey: `sk-random-${index}-${Math.random()}`, baseURL: proxy.baseURL, maxRetries: 0 }).chat.completions.create({
        model: 'offline',
        messages: [{ role: 'user', content: 'x' }],
      }),
    );
    await inPool(END_USERS, (index) =>
      valid.chat.completions.create({ model: 'offline', messages: [{ role: 'user', content: 'x' }], user: `end-user-${index}` }),
    );
    const entries = await authCacheEntries(proxy);
    console.log(`auth cache entries after ${RANDOM_TOKENS} random tokens and ${END_USERS} end users: ${JSON.stringify(entries)}`);
    expect(entries).toEqual({ keys: 1, unknownKeys: 1_000, customers: 0, unknownCustomers: 1_000 });
    // The valid key still answers from the cache.
    await expect(valid.chat.completions.create({ model: 'offline', messages: [{ role: 'user', content: 'x' }] })).resolves.toBeDefined();
  }, 120_000);
});
