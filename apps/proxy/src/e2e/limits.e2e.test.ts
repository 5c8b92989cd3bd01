import { nanoUsdToUsd } from '@tollgate/core';
import OpenAI from 'openai';
import { manage, MASTER_KEY, startTestProxy, type TestProxy } from './start-test-proxy.js';

let testProxy: TestProxy;

beforeAll(async () => {
  testProxy = await startTestProxy();
});
afterAll(async () => {
  await testProxy.stop();
});

const ask = (client: OpenAI, content = 'hi') =>
  client.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content }], max_tokens: 32 }).withResponse();

describe('budgets and rate limits hold under concurrency (embedded mode)', () => {
  it('never spends past max_budget with 100 concurrent calls', async () => {
    const master = new OpenAI({ apiKey: MASTER_KEY, baseURL: testProxy.baseURL, maxRetries: 0 });
    const probe = await ask(master);
    const costPerCall = Number(probe.response.headers.get('x-litellm-response-cost'));
    // gpt-4o-mini: 150 nano-USD per prompt token, 600 per completion token.
    const usage = probe.data.usage;
    expect(costPerCall).toBe(nanoUsdToUsd((usage?.prompt_tokens ?? 0) * 150 + (usage?.completion_tokens ?? 0) * 600));
    expect(costPerCall).toBeGreaterThan(0);
    const maxBudget = costPerCall * 10.5;
    const generated = await manage(testProxy, '/key/generate', { max_budget: maxBudget });
    const client = new OpenAI({ apiKey: generated.key, baseURL: testProxy.baseURL, maxRetries: 0 });
    const results = await Promise.allSettled(Array.from({ length: 100 }, () => ask(client)));
    const admitted = results.filter((result) => result.status === 'fulfilled').length;
    const refused = results.filter(
      (result) => result.status === 'rejected' && (result.reason as { error?: { type?: string } }).error?.type === 'budget_exceeded',
    ).length;
    expect(admitted + refused).toBe(100);
    expect(admitted).toBeGreaterThanOrEqual(5);
    expect(admitted).toBeLessThanOrEqual(10);
    const info = await manage(testProxy, `/key/info?key=${encodeURIComponent(generated.key)}`);
    expect(info.info.spend).toBeLessThanOrEqual(maxBudget);
    expect(info.info.spend).toBeCloseTo(admitted * costPerCall, 9);
  });

  it('counts the prompt when its byte bound alone would pass tpm_limit, and refuses only what counting does not fit', async () => {
    // 1,800 bytes of prompt, about 300 tokens: the cheap bound (a token per byte) is over the limit, the count is not.
    const generated = await manage(testProxy, '/key/generate', { tpm_limit: 600 });
    const client = new OpenAI({ apiKey: generated.key, baseURL: testProxy.baseURL, maxRetries: 0 });
    const fits = await ask(client, 'hello '.repeat(300));
    expect(fits.data.choices[0]?.message.content).toBeTruthy();
    const other = await manage(testProxy, '/key/generate', { tpm_limit: 600 });
    const otherClient = new OpenAI({ apiKey: other.key, baseURL: testProxy.baseURL, maxRetries: 0 });
    await expect(ask(otherClient, 'hello '.repeat(1_000))).rejects.toMatchObject({ status: 429 });
  });

  it('admits exactly rpm_limit requests in a burst and answers 429 with retry-after', async () => {
    const generated = await manage(testProxy, '/key/generate', { rpm_limit: 5 });
    const client = new OpenAI({ apiKey: generated.key, baseURL: testProxy.baseURL, maxRetries: 0 });
    const results = await Promise.allSettled(Array.from({ length: 12 }, () => ask(client)));
    const admitted = results.filter((result) => result.status === 'fulfilled');
    expect(admitted).toHaveLength(5);
    const refusal = results.find((result) => result.status === 'rejected') as PromiseRejectedResult;
    expect(refusal.reason).toBeInstanceOf(OpenAI.RateLimitError);
    const refusalHeaders = (refusal.reason as InstanceType<typeof OpenAI.RateLimitError>).headers;
    // A slot frees when the oldest of the 5 admitted calls leaves the 60 s window: just under 60 s from now.
    expect(Number(refusalHeaders?.get('retry-after'))).toBeGreaterThan(50);
    expect(Number(refusalHeaders?.get('retry-after'))).toBeLessThanOrEqual(60);
    expect(refusalHeaders?.get('x-ratelimit-limit-requests')).toBe('5');
    expect(refusalHeaders?.get('x-ratelimit-remaining-requests')).toBe('0');
    expect(refusalHeaders?.get('x-ratelimit-reset-requests')).toMatch(/^(\d+m)?\d+(\.\d+)?s$/);
    const first = (admitted[0] as PromiseFulfilledResult<Awaited<ReturnType<typeof ask>>>).value.response;
    expect(first.headers.get('x-ratelimit-limit-requests')).toBe('5');
  });

  it('keeps at most max_parallel_requests streams in flight and frees every slot', async () => {
    const generated = await manage(testProxy, '/key/generate', { max_parallel_requests: 5 });
    const client = new OpenAI({ apiKey: generated.key, baseURL: testProxy.baseURL, maxRetries: 0 });
    testProxy.upstream.setBehaviour({ reply: 'text', completionTokens: 10, chunkDelayMs: 15 });
    let inFlight = 0;
    let maxInFlight = 0;
    const slowStream = async () => {
      const stream = await client.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'x' }], stream: true });
      inFlight += 1;
      maxInFlight = Math.max(maxInFlight, inFlight);
      try {
        for await (const _chunk of stream) {
          // drain
        }
      } finally {
        inFlight -= 1;
      }
    };
    try {
      const results = await Promise.allSettled(Array.from({ length: 50 }, slowStream));
      const admitted = results.filter((result) => result.status === 'fulfilled').length;
      const refused = results.filter((result) => result.status === 'rejected' && (result.reason as { status?: number }).status === 429).length;
      expect(admitted + refused).toBe(50);
      expect(admitted).toBeGreaterThanOrEqual(5);
      expect(maxInFlight).toBeLessThanOrEqual(5);
      // Every slot is free again: five more at once all pass.
      await expect(Promise.all(Array.from({ length: 5 }, slowStream))).resolves.toHaveLength(5);
    } finally {
      testProxy.upstream.setBehaviour(undefined);
    }
  });

  it('frees the slot when the client disconnects mid-stream and books what was produced', async () => {
    const generated = await manage(testProxy, '/key/generate', { max_parallel_requests: 1 });
    const client = new OpenAI({ apiKey: generated.key, baseURL: testProxy.baseURL, maxRetries: 0 });
    testProxy.upstream.setBehaviour({ reply: 'text', completionTokens: 50, chunkDelayMs: 20 });
    let chunks = 0;
    try {
      const stream = await client.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'long' }], stream: true });
      for await (const _chunk of stream) {
        chunks += 1;
        if (chunks === 3) break; // leaving the loop aborts the HTTP response: the client disconnects mid-stream
      }
    } finally {
      testProxy.upstream.setBehaviour(undefined);
    }
    expect(chunks).toBe(3);
    // The slot is released once the proxy notices the disconnect.
    let admitted = false;
    for (let attempt = 0; attempt < 20 && !admitted; attempt += 1) {
      admitted = await ask(client).then(
        () => true,
        () => false,
      );
      if (!admitted) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(admitted).toBe(true);
    const info = await manage(testProxy, `/key/info?key=${encodeURIComponent(generated.key)}`);
    expect(info.info.spend).toBeGreaterThan(0);
  });
});
