import type { KeyRecord } from '@tollgate/ledger';
import type { SpendReportDay } from '@tollgate/ledger';
import { toLiteLLMCustomerInfo } from './to-litellm-customer-info.js';
import { toLiteLLMKeyInfo } from './to-litellm-key-info.js';
import { toLiteLLMKeySpendReport, toLiteLLMSpendReport, toLiteLLMSpendSummary } from './to-litellm-spend-report.js';
import { toLiteLLMTeamInfo, toLiteLLMTeamMembership } from './to-litellm-team-info.js';

const created = new Date('2024-05-15T10:30:00Z');
const budget = {
  maxBudgetNano: 5_000_000_000n,
  softBudgetNano: null,
  budgetDuration: '30d',
  budgetResetAt: new Date('2024-06-01T00:00:00Z'),
  spendNano: 300_000_000n,
  rpmLimit: 60,
  tpmLimit: null,
  maxParallelRequests: 2,
  metadata: { owner: 'platform' },
  createdAt: created,
  updatedAt: created,
};

describe('LiteLLM serializers', () => {
  it('shows a key with USD numbers, ISO times and LiteLLM field names, without the hash unless asked', () => {
    const record: KeyRecord = {
      ...budget,
      tokenHash: 'a'.repeat(64),
      keyId: 'b'.repeat(32),
      previousTokenHash: null,
      previousTokenRevokeAt: null,
      keyName: 'sk-...abcd',
      keyAlias: 'ci',
      userId: 'ada',
      teamId: null,
      models: ['gpt-4o'],
      aliases: {},
      modelMaxBudget: { 'gpt-4o': { maxBudgetNano: 1_500_000_000n, budgetDuration: '1d' } },
      budgetLimits: [{ budgetDuration: '24h', maxBudgetNano: 10_000_000_000n }],
      modelRpmLimit: {},
      modelTpmLimit: {},
      keyType: 'llm_api',
      allowedRoutes: [],
      blocked: false,
      expires: null,
      createdBy: 'master_key',
    };
    const info = toLiteLLMKeyInfo(record, { modelSpend: { 'gpt-4o': 100_000_000n } });
    expect(info).toMatchObject({
      key_name: 'sk-...abcd',
      key_id: 'b'.repeat(32),
      spend: 0.3,
      max_budget: 5,
      budget_reset_at: '2024-06-01T00:00:00.000Z',
      expires: null,
      model_spend: { 'gpt-4o': 0.1 },
      model_max_budget: { 'gpt-4o': { budget_limit: 1.5, time_period: '1d' } },
      budget_limits: [{ budget_duration: '24h', max_budget: 10 }],
      key_type: 'llm_api',
    });
    expect(info).not.toHaveProperty('token');
    expect(toLiteLLMKeyInfo(record, { includeToken: true }).token).toBe('a'.repeat(64));
  });

  it('shows teams with members, memberships with their budget, and customers with a budget table', () => {
    const member = { teamId: 'red', userId: 'ada', role: 'admin' as const, maxBudgetInTeamNano: 2_000_000_000n, spendNano: 1n, budgetDuration: null, budgetResetAt: null, rpmLimit: null, tpmLimit: null, createdAt: created, updatedAt: created };
    const team = toLiteLLMTeamInfo(
      { ...budget, teamId: 'red', teamAlias: 'Red', models: [], modelRpmLimit: {}, modelTpmLimit: {}, modelMaxBudget: {}, modelAliases: {}, budgetLimits: [], teamMemberBudgetNano: null, teamMemberBudgetDuration: null, teamMemberRpmLimit: null, teamMemberTpmLimit: null, blocked: false },
      { members: [member] },
    );
    expect(team).toMatchObject({ team_id: 'red', spend: 0.3, admins: ['ada'], members_with_roles: [{ user_id: 'ada', role: 'admin' }] });
    expect(toLiteLLMTeamMembership(member)).toMatchObject({ max_budget_in_team: 2, spend: 1e-9, litellm_budget_table: { max_budget: 2 } });
    expect(toLiteLLMCustomerInfo({ ...budget, userId: 'acme', alias: null, blocked: true, allowedModelRegion: 'eu', defaultModel: null, budgetId: 'tier' })).toMatchObject({
      user_id: 'acme',
      blocked: true,
      budget_id: 'tier',
      litellm_budget_table: { max_budget: 5, budget_duration: '30d' },
    });
  });

  it('shapes spend reports like LiteLLM', () => {
    const days: SpendReportDay[] = [
      {
        date: '2024-04-30',
        groups: [
          { groupId: '', name: null, spendNano: 34_000n, promptTokens: 40, completionTokens: 10, totalTokens: 50, requests: 1, breakdown: [{ model: 'gpt-3.5-turbo', apiKey: 'k1', spendNano: 34_000n, promptTokens: 40, completionTokens: 10, totalTokens: 50, requests: 1 }] },
          { groupId: 't1', name: 'Prod Team', spendNano: 1_230_000n, promptTokens: 20, completionTokens: 8, totalTokens: 28, requests: 1, breakdown: [{ model: 'gpt-4', apiKey: 'k2', spendNano: 1_230_000n, promptTokens: 20, completionTokens: 8, totalTokens: 28, requests: 1 }] },
        ],
      },
    ];
    expect(toLiteLLMSpendReport(days, 'team')).toEqual([
      {
        group_by_day: '2024-04-30T00:00:00+00:00',
        teams: [
          { team_name: 'Unassigned Team', team_id: null, total_spend: 0.000034, metadata: [{ model: 'gpt-3.5-turbo', spend: 0.000034, total_tokens: 50, api_key: 'k1' }] },
          { team_name: 'Prod Team', team_id: 't1', total_spend: 0.00123, metadata: [{ model: 'gpt-4', spend: 0.00123, total_tokens: 28, api_key: 'k2' }] },
        ],
      },
    ]);
    expect(toLiteLLMSpendReport(days, 'customer')[0]).toHaveProperty('customers.1.customer', 'Prod Team');
    expect(toLiteLLMKeySpendReport(days)).toEqual([
      { api_key: '', total_cost: 0.000034, total_input_tokens: 40, total_output_tokens: 10, model_details: [{ model: 'gpt-3.5-turbo', total_cost: 0.000034, total_input_tokens: 40, total_output_tokens: 10 }] },
      { api_key: 't1', total_cost: 0.00123, total_input_tokens: 20, total_output_tokens: 8, model_details: [{ model: 'gpt-4', total_cost: 0.00123, total_input_tokens: 20, total_output_tokens: 8 }] },
    ]);
    expect(toLiteLLMSpendSummary([{ date: '2024-04-30', spendNano: 300_000_000n, users: { ada: 300_000_000n }, models: {}, apiKeys: { k1: 300_000_000n } }])).toEqual([
      { startTime: '2024-04-30', spend: 0.3, users: { ada: 0.3 }, models: {}, k1: 0.3 },
    ]);
  });
});
