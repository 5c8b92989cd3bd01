import OpenAI from 'openai';
import { spendOnce, spendUntilRefused } from './budget-spending.js';
import { manage, MASTER_KEY, startTestProxy, type TestProxy } from './start-test-proxy.js';

/** LiteLLM's budget objects: `/budget/new`, then `/customer/new {budget_id}`; the customer is held to the budget. */
describe('budget objects linked to customers (embedded SQLite)', () => {
  let testProxy: TestProxy;
  let costPerCall: number;
  let key: string;

  beforeAll(async () => {
    testProxy = await startTestProxy();
    const cost = await spendOnce(testProxy.baseURL, MASTER_KEY);
    if (cost === 'refused' || !(cost > 0)) throw new Error(`probe call did not report a cost: ${cost}`);
    costPerCall = cost;
    key = (await manage(testProxy, '/key/generate', {})).key;
  });
  afterAll(async () => {
    await testProxy.stop();
  });

  it("refuses a linked customer's calls past the budget's max_budget, and the next call sees /budget/update", async () => {
    const id = `tier-${Date.now()}`;
    await manage(testProxy, '/budget/new', { budget_id: id, max_budget: costPerCall * 2.5, budget_duration: '30d' });
    await manage(testProxy, '/customer/new', { user_id: id, budget_id: id });
    const first = await spendUntilRefused(testProxy.baseURL, key, 10, id);
    expect(first / (costPerCall * 2.5)).toBeLessThanOrEqual(1);
    expect(first).toBeGreaterThanOrEqual(2 * costPerCall);
    expect(await spendOnce(testProxy.baseURL, key, id)).toBe('refused');

    await manage(testProxy, '/budget/update', { budget_id: id, max_budget: costPerCall * 5.5 });
    const more = await spendUntilRefused(testProxy.baseURL, key, 10, id);
    expect((first + more) / (costPerCall * 5.5)).toBeLessThanOrEqual(1);
    expect(first + more).toBeGreaterThanOrEqual(5 * costPerCall);
    // The spend is the customer's own: LiteLLM's /customer/info shows it, the budget object holds none.
    const info = await manage(testProxy, `/customer/info?end_user_id=${id}`);
    expect(info).toMatchObject({ user_id: id, budget_id: id });
  });

  it("holds a linked customer to the budget's rpm_limit, the customer's own limit winning when set", async () => {
    const id = `rpm-${Date.now()}`;
    await manage(testProxy, '/budget/new', { budget_id: id, rpm_limit: 1 });
    await manage(testProxy, '/customer/new', { user_id: `${id}-linked`, budget_id: id });
    await manage(testProxy, '/customer/new', { user_id: `${id}-own`, budget_id: id, rpm_limit: 3 });
    const client = new OpenAI({ apiKey: key, baseURL: testProxy.baseURL, maxRetries: 0 });
    const call = (user: string) => client.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }], max_tokens: 8, user });

    await call(`${id}-linked`);
    await expect(call(`${id}-linked`)).rejects.toMatchObject({ status: 429 });
    for (let index = 0; index < 3; index += 1) await call(`${id}-own`);
    await expect(call(`${id}-own`)).rejects.toMatchObject({ status: 429 });

    await manage(testProxy, '/budget/update', { budget_id: id, rpm_limit: 2 });
    await call(`${id}-linked`);
  });

  it('answers LiteLLM-shaped errors: an unknown budget_id, a linked budget deleted, a missing budget', async () => {
    const post = (path: string, body: unknown) =>
      fetch(`${testProxy.proxy.url}${path}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${MASTER_KEY}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      }).then(async (response) => ({ status: response.status, body: (await response.json()) as { error: Record<string, unknown> } }));
    const id = `errors-${Date.now()}`;
    const unknown = await post('/customer/new', { user_id: id, budget_id: `${id}-ghost` });
    expect(unknown).toMatchObject({ status: 400, body: { error: { param: 'budget_id', type: 'invalid_request_error' } } });
    await manage(testProxy, '/budget/new', { budget_id: id });
    await manage(testProxy, '/customer/new', { user_id: id, budget_id: id });
    expect(await post('/budget/delete', { id })).toMatchObject({ status: 400, body: { error: { param: 'id' } } });
    expect(await post('/budget/info', { budgets: [`${id}-ghost`] })).toMatchObject({ status: 404, body: { error: { type: 'not_found_error' } } });
  });
});
