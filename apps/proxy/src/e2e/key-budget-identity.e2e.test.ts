import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import OpenAI from 'openai';
import { manage, MASTER_KEY, startTestProxy, type TestProxy } from './start-test-proxy.js';

/** One paid call; its cost from `x-litellm-response-cost`, or `refused` when the budget said no. */
async function spendOnce(baseURL: string, apiKey: string, endUser?: string): Promise<number | 'refused'> {
  const client = new OpenAI({ apiKey, baseURL, maxRetries: 0 });
  try {
    const { response } = await client.chat.completions
      .create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }], max_tokens: 32, ...(endUser ? { user: endUser } : {}) })
      .withResponse();
    return Number(response.headers.get('x-litellm-response-cost'));
  } catch (error) {
    if ((error as { error?: { type?: string } }).error?.type === 'budget_exceeded') return 'refused';
    throw error;
  }
}

/** Spends with the key until the budget refuses (at most `limit` calls); returns what was spent. */
async function spendUntilRefused(baseURL: string, apiKey: string, limit = 20, endUser?: string): Promise<number> {
  let spent = 0;
  for (let call = 0; call < limit; call += 1) {
    const cost = await spendOnce(baseURL, apiKey, endUser);
    if (cost === 'refused') return spent;
    spent += cost;
  }
  return spent;
}

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

/** A budget of `budgetUsd` on one entity in scope of a new key; returns the key and the end user to send, if any. */
type BudgetSetup = (proxy: TestProxy, budgetUsd: number, id: string) => Promise<{ key: string; endUser?: string }>;

const OTHER_SCOPES: Array<[scope: string, setup: BudgetSetup]> = [
  [
    'user (personal key)',
    async (proxy, budget, id) => {
      await manage(proxy, '/user/new', { user_id: id, max_budget: budget });
      return { key: (await manage(proxy, '/key/generate', { user_id: id })).key };
    },
  ],
  [
    'team',
    async (proxy, budget, id) => {
      const team = await manage(proxy, '/team/new', { team_alias: id, max_budget: budget });
      return { key: (await manage(proxy, '/key/generate', { team_id: team.team_id })).key };
    },
  ],
  [
    'team member (max_budget_in_team)',
    async (proxy, budget, id) => {
      const team = await manage(proxy, '/team/new', { team_alias: id });
      await manage(proxy, '/user/new', { user_id: id });
      await manage(proxy, '/team/member_add', { team_id: team.team_id, member: { user_id: id, role: 'user' }, max_budget_in_team: budget });
      return { key: (await manage(proxy, '/key/generate', { team_id: team.team_id, user_id: id })).key };
    },
  ],
  [
    'per-model team budget',
    async (proxy, budget, id) => {
      const team = await manage(proxy, '/team/new', { team_alias: id, model_max_budget: { 'gpt-4o-mini': { budget_limit: budget } } });
      return { key: (await manage(proxy, '/key/generate', { team_id: team.team_id })).key };
    },
  ],
  [
    'customer (end user)',
    async (proxy, budget, id) => {
      await manage(proxy, '/customer/new', { user_id: id, max_budget: budget });
      return { key: (await manage(proxy, '/key/generate', {})).key, endUser: id };
    },
  ],
];

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
