import { nanoUsdToUsd } from '@tollgate/core';
import OpenAI from 'openai';
import { manage, startTestProxy, type TestProxy } from './start-test-proxy.js';

let testProxy: TestProxy;

beforeAll(async () => {
  testProxy = await startTestProxy();
});
afterAll(async () => {
  await testProxy.stop();
});

const ask = (client: OpenAI) =>
  client.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }], max_tokens: 32 }).withResponse();

/** Calls a management route with a virtual key; answers status and body. */
async function manageAs(key: string, path: string, body: unknown): Promise<{ status: number; body: any }> {
  const response = await fetch(`${testProxy.proxy.url}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: await response.json() };
}

describe('an internal user cannot lift the limits an admin set on their key', () => {
  it('keeps max_budget when the owner tries to clear it, so their calls still stop at the budget', async () => {
    const userId = `alice-${Date.now()}`;
    await manage(testProxy, '/user/new', { user_id: userId, user_role: 'internal_user', auto_create_key: false });
    const probe = await manage(testProxy, '/key/generate', {});
    const probeClient = new OpenAI({ apiKey: probe.key, baseURL: testProxy.baseURL, maxRetries: 0 });
    const probeCall = await ask(probeClient);
    const costPerCall = Number(probeCall.response.headers.get('x-litellm-response-cost'));
    // gpt-4o-mini: 150 nano-USD per prompt token, 600 per completion token.
    const usage = probeCall.data.usage;
    expect(costPerCall).toBe(nanoUsdToUsd((usage?.prompt_tokens ?? 0) * 150 + (usage?.completion_tokens ?? 0) * 600));
    expect(costPerCall).toBeGreaterThan(0);
    const maxBudget = costPerCall * 2.5;
    const generated = await manage(testProxy, '/key/generate', { user_id: userId, max_budget: maxBudget });

    const update = await manageAs(generated.key, '/key/update', { key: generated.key, max_budget: null });
    expect(update.status).toBe(403);
    expect(update.body.error).toMatchObject({ type: 'permission_denied', param: 'max_budget' });

    const client = new OpenAI({ apiKey: generated.key, baseURL: testProxy.baseURL, maxRetries: 0 });
    let admitted = 0;
    for (let call = 0; call < 10; call += 1) {
      const answered = await ask(client).then(
        () => true,
        (error: { error?: { type?: string } }) => {
          expect(error.error?.type).toBe('budget_exceeded');
          return false;
        },
      );
      if (answered) admitted += 1;
    }
    const info = await manage(testProxy, `/key/info?key=${encodeURIComponent(generated.key)}`);
    const spentTimesBudget = info.info.spend / maxBudget;
    console.info(`owner tried to clear max_budget: update ${update.status}, ${admitted}/10 calls admitted, spent ${spentTimesBudget.toFixed(2)}x max_budget`);
    expect(info.info.max_budget).toBeCloseTo(maxBudget, 12);
    expect(admitted).toBeLessThanOrEqual(2);
    expect(spentTimesBudget).toBeLessThanOrEqual(1);
  });
});
