import OpenAI from 'openai';
import { manage, type TestProxy } from './start-test-proxy.js';

/** One paid call; its cost from `x-litellm-response-cost`, or `refused` when the budget said no. */
export async function spendOnce(baseURL: string, apiKey: string, endUser?: string): Promise<number | 'refused'> {
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

/**
 * Spends with the key until the budget refuses (at most `limit` calls, spread over the given proxies in turn); returns
 * what was spent.
 */
export async function spendUntilRefused(baseURLs: string | string[], apiKey: string, limit = 20, endUser?: string): Promise<number> {
  const urls = typeof baseURLs === 'string' ? [baseURLs] : baseURLs;
  let spent = 0;
  for (let call = 0; call < limit; call += 1) {
    const cost = await spendOnce(urls[call % urls.length] as string, apiKey, endUser);
    if (cost === 'refused') return spent;
    spent += cost;
  }
  return spent;
}

/** A budget of `budgetUsd` on one entity in scope of a new key; returns the key and the end user to send, if any. */
export type BudgetSetup = (proxy: TestProxy, budgetUsd: number, id: string) => Promise<{ key: string; endUser?: string }>;

/** The scopes besides the key's own: each must survive the key's regeneration and a restart. */
export const OTHER_SCOPES: Array<[scope: string, setup: BudgetSetup]> = [
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
  [
    'customer linked to a budget object (budget_id)',
    async (proxy, budget, id) => {
      await manage(proxy, '/budget/new', { budget_id: id, max_budget: budget });
      await manage(proxy, '/customer/new', { user_id: id, budget_id: id });
      return { key: (await manage(proxy, '/key/generate', {})).key, endUser: id };
    },
  ],
];

