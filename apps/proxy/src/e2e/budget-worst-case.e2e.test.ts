import { nanoUsdToUsd } from '@tollgate/core';
import OpenAI from 'openai';
import { BUDGET_UPSTREAM_PROMPT_TOKENS, startBudgetUpstream } from './budget-upstream.js';
import { manage, startTestProxy, type TestProxy } from './start-test-proxy.js';

/*
 * gpt-4o-mini: input $0.15/M (150 nano-USD a token), output $0.60/M (600), output limit 16,384 tokens. The upstream
 * answers " tok" tokens and reports 8 prompt tokens ("hi" as OpenAI counts it); `honours` cuts at max_tokens, `ignores` does not.
 */

let upstream: Awaited<ReturnType<typeof startBudgetUpstream>>;
let testProxy: TestProxy;
let looseProxy: TestProxy;

beforeAll(async () => {
  upstream = await startBudgetUpstream();
  const shared = { upstream: { url: upstream.url, close: upstream.close } as never };
  testProxy = await startTestProxy(shared);
  looseProxy = await startTestProxy({ ...shared, generalSettings: '  budget_enforcement: loose' });
});
afterAll(async () => {
  await testProxy?.stop();
  await looseProxy?.stop();
  await upstream.close();
});
beforeEach(() => {
  upstream.behaviour.answerTokens = 100;
  upstream.behaviour.ignoresMaxTokens = false;
});

async function keyWithBudget(proxy: TestProxy, maxBudget: number) {
  const generated = await manage(proxy, '/key/generate', { max_budget: maxBudget });
  const client = new OpenAI({ apiKey: generated.key, baseURL: proxy.baseURL, maxRetries: 0 });
  const spend = async (): Promise<number> => (await manage(proxy, `/key/info?key=${encodeURIComponent(generated.key)}`)).info.spend;
  return { client, spend };
}

const messages = [{ role: 'user' as const, content: 'hi' }];

describe('the reservation covers every choice (n)', () => {
  it('one call with n=50 never spends past max_budget', async () => {
    const maxBudget = nanoUsdToUsd(500_000);
    const { client, spend } = await keyWithBudget(testProxy, maxBudget);
    // 50 choices × 100 tokens × 600 nano-USD = 3,000,000 nano-USD: 6× the budget if only one choice is reserved.
    await client.chat.completions.create({ model: 'gpt-4o-mini', messages, max_tokens: 100, n: 50 }).catch(() => undefined);
    const spent = await spend();
    console.log(`n=50 one call: spent ${(spent / maxBudget).toFixed(2)}× max_budget`);
    expect(spent).toBeLessThanOrEqual(maxBudget);
  });

  it('20 concurrent calls with n=50 never spend past max_budget', async () => {
    const maxBudget = nanoUsdToUsd(1_000_000);
    const { client, spend } = await keyWithBudget(testProxy, maxBudget);
    // Each call: 50 × 10 tokens × 600 = 300,000 nano-USD of output.
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, () => client.chat.completions.create({ model: 'gpt-4o-mini', messages, max_tokens: 10, n: 50 })),
    );
    const spent = await spend();
    console.log(`n=50 ×20 concurrent: ${results.filter((result) => result.status === 'fulfilled').length} admitted, spent ${(spent / maxBudget).toFixed(2)}× max_budget`);
    expect(spent).toBeLessThanOrEqual(maxBudget);
    expect(results.some((result) => result.status === 'fulfilled')).toBe(true);
  });
});

describe('an absurd n', () => {
  it('is refused as over budget, not failed with a 500, and never reaches the upstream', async () => {
    const { client } = await keyWithBudget(testProxy, 1);
    const before = upstream.bodies.length;
    const error = await client.chat.completions.create({ model: 'gpt-4o-mini', messages, n: 1_000_000_000 }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ status: 400, type: 'budget_exceeded' });
    expect(upstream.bodies.length).toBe(before);
  });
});

describe('a call whose full output the budget cannot afford', () => {
  it('is let through with max_tokens lowered to what the budget affords, and says so', async () => {
    const maxBudget = nanoUsdToUsd(1_000_000);
    const { client, spend } = await keyWithBudget(testProxy, maxBudget);
    upstream.behaviour.answerTokens = 20_000;
    const before = upstream.bodies.length;
    const { data, response } = await client.chat.completions.create({ model: 'gpt-4o-mini', messages }).withResponse();
    const lowered = Number(response.headers.get('x-tollgate-max-tokens-lowered'));
    const sent = upstream.bodies[before]!;
    console.log(`lowered max_tokens to ${lowered}; upstream saw ${JSON.stringify(sent.max_tokens ?? sent.max_completion_tokens)}`);
    // (1,000,000 − the prompt's reservation) / 600 ≈ 1,660 tokens.
    expect(lowered).toBeGreaterThan(1_000);
    expect(lowered).toBeLessThanOrEqual(1_666);
    expect(sent.max_tokens ?? sent.max_completion_tokens).toBe(lowered);
    expect(data.usage?.completion_tokens).toBe(lowered);
    expect(await spend()).toBeLessThanOrEqual(maxBudget);
  });

  it('lowers every choice of n=50 to a share of what the budget affords', async () => {
    const maxBudget = nanoUsdToUsd(1_000_000);
    const { client, spend } = await keyWithBudget(testProxy, maxBudget);
    const { response } = await client.chat.completions.create({ model: 'gpt-4o-mini', messages, n: 50 }).withResponse();
    const lowered = Number(response.headers.get('x-tollgate-max-tokens-lowered'));
    // (1,000,000 − the prompt's reservation) / 600 / 50 ≈ 33 per choice.
    expect(lowered).toBeGreaterThanOrEqual(16);
    expect(lowered).toBeLessThanOrEqual(33);
    expect(await spend()).toBeLessThanOrEqual(maxBudget);
  });

  it('is refused when not even the prompt and a minimum answer fit, saying what was reserved, what is left and to set max_tokens', async () => {
    const { client } = await keyWithBudget(testProxy, nanoUsdToUsd(1_000));
    const error = await client.chat.completions.create({ model: 'gpt-4o-mini', messages }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(OpenAI.APIError);
    const message = (error as InstanceType<typeof OpenAI.APIError>).message;
    console.log(`refusal: ${message}`);
    expect((error as InstanceType<typeof OpenAI.APIError>).type).toBe('budget_exceeded');
    expect(message).toMatch(/reserved \$[0-9.e-]+/);
    expect(message).toMatch(/\$[0-9.e-]+ is left/);
    expect(message).toMatch(/max_tokens/);
  });

  it('refuses a max_tokens the budget cannot afford and names the largest one it can', async () => {
    const { client } = await keyWithBudget(testProxy, nanoUsdToUsd(100_000));
    const error = await client.chat.completions.create({ model: 'gpt-4o-mini', messages, max_tokens: 1_000 }).catch((caught: unknown) => caught);
    const message = (error as InstanceType<typeof OpenAI.APIError>).message;
    console.log(`refusal: ${message}`);
    const suggested = Number(/max_tokens to at most (\d+)/.exec(message)?.[1]);
    // (100,000 − the prompt's reservation) / 600 ≈ 160.
    expect(suggested).toBeGreaterThan(100);
    expect(suggested).toBeLessThanOrEqual(166);
  });
});

describe('an upstream that ignores max_tokens', () => {
  it('is stopped mid-stream near the reservation, with a final error event and the usage so far booked', async () => {
    const maxBudget = nanoUsdToUsd(500_000);
    const { client, spend } = await keyWithBudget(testProxy, maxBudget);
    upstream.behaviour.ignoresMaxTokens = true;
    upstream.behaviour.answerTokens = 3_000;
    const stream = await client.chat.completions.create({ model: 'gpt-4o-mini', messages, max_tokens: 100, stream: true });
    let contentChunks = 0;
    const error = await (async () => {
      for await (const chunk of stream) if (chunk.choices[0]?.delta?.content) contentChunks += 1;
    })().catch((caught: unknown) => caught);
    const spent = await spend();
    console.log(`stream ignoring max_tokens: ${contentChunks} tokens passed, spent ${(spent / maxBudget).toFixed(2)}× max_budget`);
    expect(error).toBeInstanceOf(OpenAI.APIError);
    expect(contentChunks).toBeLessThanOrEqual(101);
    // The reservation: 8 prompt tokens × 150 + 100 × 600 nano-USD; one chunk more is 600.
    expect(spent).toBeGreaterThan(0);
    expect(spent).toBeLessThanOrEqual(nanoUsdToUsd(BUDGET_UPSTREAM_PROMPT_TOKENS * 150 + 101 * 600));
  });

  it('books the real cost of a non-stream overshoot, and refuses the next call', async () => {
    const maxBudget = nanoUsdToUsd(500_000);
    const { client, spend } = await keyWithBudget(testProxy, maxBudget);
    upstream.behaviour.ignoresMaxTokens = true;
    upstream.behaviour.answerTokens = 3_000;
    await client.chat.completions.create({ model: 'gpt-4o-mini', messages, max_tokens: 100 });
    const spent = await spend();
    console.log(`non-stream ignoring max_tokens: spent ${(spent / maxBudget).toFixed(2)}× max_budget (owed, booked)`);
    expect(spent).toBe(nanoUsdToUsd(BUDGET_UPSTREAM_PROMPT_TOKENS * 150 + 3_000 * 600));
    await expect(client.chat.completions.create({ model: 'gpt-4o-mini', messages, max_tokens: 1 })).rejects.toMatchObject({ type: 'budget_exceeded' });
  });
});

describe('general_settings.budget_enforcement: loose', () => {
  it('checks spend before the call and lets the call overshoot, without lowering max_tokens', async () => {
    const maxBudget = nanoUsdToUsd(500_000);
    const { client, spend } = await keyWithBudget(looseProxy, maxBudget);
    upstream.behaviour.answerTokens = 2_000;
    const before = upstream.bodies.length;
    const { response } = await client.chat.completions.create({ model: 'gpt-4o-mini', messages }).withResponse();
    expect(response.headers.get('x-tollgate-max-tokens-lowered')).toBeNull();
    expect(upstream.bodies[before]!.max_tokens).toBeUndefined();
    const spent = await spend();
    console.log(`loose: spent ${(spent / maxBudget).toFixed(2)}× max_budget, next call refused`);
    expect(spent).toBeGreaterThan(maxBudget);
    await expect(client.chat.completions.create({ model: 'gpt-4o-mini', messages, max_tokens: 1 })).rejects.toMatchObject({ type: 'budget_exceeded' });
  });
});
