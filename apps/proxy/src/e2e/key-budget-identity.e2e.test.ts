import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OTHER_SCOPES, spendOnce, spendUntilRefused } from './budget-spending.js';
import { manage, MASTER_KEY, startTestProxy, type TestProxy } from './start-test-proxy.js';

async function costOfOneCall(proxy: TestProxy): Promise<number> {
  const cost = await spendOnce(proxy.baseURL, MASTER_KEY);
  if (cost === 'refused' || !(cost > 0)) throw new Error(`probe call did not report a cost: ${cost}`);
  return cost;
}

const regenerate = async (proxy: TestProxy, key: string): Promise<string> => (await manage(proxy, '/key/regenerate', { key })).key as string;

describe("a key's budget belongs to the key, not to its current hash (embedded mode)", () => {
  let testProxy: TestProxy;
  let costPerCall: number;

  beforeAll(async () => {
    testProxy = await startTestProxy();
    costPerCall = await costOfOneCall(testProxy);
  });
  afterAll(async () => {
    await testProxy.stop();
  });

  it('shows the stable key_id beside LiteLLM\'s fields: regenerate changes token, never key_id', async () => {
    const generated = await manage(testProxy, '/key/generate', {});
    expect(generated.key_id).toMatch(/^[0-9a-f]{32}$/);
    const regenerated = await manage(testProxy, '/key/regenerate', { key: generated.key });
    expect(regenerated).toMatchObject({ key_id: generated.key_id, token: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(regenerated.token).not.toBe(generated.token);
    const info = await manage(testProxy, `/key/info?key=${encodeURIComponent(regenerated.key)}`);
    expect(info.info.key_id).toBe(generated.key_id);
  });

  it('regenerate x5 with spending in between: total spend stays within max_budget', async () => {
    const maxBudget = costPerCall * 3.5;
    let key = (await manage(testProxy, '/key/generate', { max_budget: maxBudget })).key as string;
    let spent = await spendUntilRefused(testProxy.baseURL, key);
    for (let round = 0; round < 5; round += 1) {
      key = await regenerate(testProxy, key);
      spent += await spendUntilRefused(testProxy.baseURL, key);
    }
    // Before the fix: 18 calls on a 3.5-call budget (≈ 5.1x max_budget).
    expect(spent / maxBudget).toBeLessThanOrEqual(1);
    expect(spent).toBeGreaterThan(0);
  });

  it('regenerate x3: a per-model key budget (model_max_budget) carries over', async () => {
    const modelBudget = costPerCall * 2.5;
    let key = (await manage(testProxy, '/key/generate', { model_max_budget: { 'gpt-4o-mini': { budget_limit: modelBudget } } })).key as string;
    let spent = await spendUntilRefused(testProxy.baseURL, key);
    for (let round = 0; round < 3; round += 1) {
      key = await regenerate(testProxy, key);
      spent += await spendUntilRefused(testProxy.baseURL, key);
    }
    expect(spent / modelBudget).toBeLessThanOrEqual(1);
    expect(spent).toBeGreaterThan(0);
  });
});

describe('a regenerated key keeps its budget across a proxy restart on the same SQLite file', () => {
  it('spend, regenerate, spend, restart: the new proxy seeds the key with the spend of all its hashes', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'tollgate-key-id-'));
    let proxy = await startTestProxy({ dataDir });
    try {
      const costPerCall = await costOfOneCall(proxy);
      const maxBudget = costPerCall * 4.5;
      const modelBudget = costPerCall * 4.5;
      let key = (
        await manage(proxy, '/key/generate', { max_budget: maxBudget, model_max_budget: { 'gpt-4o-mini': { budget_limit: modelBudget } } })
      ).key as string;
      let spent = 0;
      for (let call = 0; call < 2; call += 1) spent += (await spendOnce(proxy.baseURL, key)) as number;
      key = await regenerate(proxy, key);
      for (let call = 0; call < 2; call += 1) spent += (await spendOnce(proxy.baseURL, key)) as number;
      await proxy.stop();
      proxy = await startTestProxy({ dataDir });
      spent += await spendUntilRefused(proxy.baseURL, key);
      // Before the fix the new proxy saw only the current hash's two calls: 6 calls on a 4.5-call budget.
      expect(spent / maxBudget).toBeLessThanOrEqual(1);
      expect(spent).toBeGreaterThanOrEqual(4 * costPerCall);
    } finally {
      await proxy.stop();
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});

describe('budgets of the other scopes survive regeneration and a proxy restart on the same SQLite file', () => {
  it.each(OTHER_SCOPES)('%s', async (scope, setup) => {
    const dataDir = await mkdtemp(join(tmpdir(), 'tollgate-key-id-'));
    let proxy = await startTestProxy({ dataDir });
    try {
      const costPerCall = await costOfOneCall(proxy);
      const budget = costPerCall * 4.5;
      const setUp = await setup(proxy, budget, `scope-${scope.replace(/\W+/g, '-')}-${Date.now()}`);
      let key = setUp.key;
      let spent = 0;
      for (let call = 0; call < 2; call += 1) spent += (await spendOnce(proxy.baseURL, key, setUp.endUser)) as number;
      key = await regenerate(proxy, key);
      for (let call = 0; call < 2; call += 1) spent += (await spendOnce(proxy.baseURL, key, setUp.endUser)) as number;
      await proxy.stop();
      proxy = await startTestProxy({ dataDir });
      spent += await spendUntilRefused(proxy.baseURL, key, 20, setUp.endUser);
      expect(spent / budget).toBeLessThanOrEqual(1);
      expect(spent).toBeGreaterThanOrEqual(4 * costPerCall);
    } finally {
      await proxy.stop();
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
