import type { SpendReportDay, SpendReportGroupBy } from '@tollgate/ledger';
import type { DailySpendSummary } from '@tollgate/ledger';
import { usd } from './litellm-values.js';

const LIST_FIELD: Record<SpendReportGroupBy, { list: string; name: string }> = {
  team: { list: 'teams', name: 'team_name' },
  customer: { list: 'customers', name: 'customer' },
  user: { list: 'users', name: 'user_id' },
  api_key: { list: 'api_keys', name: 'api_key' },
  model: { list: 'models', name: 'model' },
  model_group: { list: 'model_groups', name: 'model_group' },
};

/**
 * `/global/spend/report` in LiteLLM's shape: `[{group_by_day, teams: [{team_name, total_spend, metadata: [{model,
 * spend, total_tokens, api_key}]}]}]` (`customers`/`customer` for customers, and the same pattern for the other
 * groupings). Teams show their alias, or the id; calls without a team show as "Unassigned Team".
 */
export function toLiteLLMSpendReport(days: SpendReportDay[], groupBy: SpendReportGroupBy): Array<Record<string, unknown>> {
  const field = LIST_FIELD[groupBy];
  return days.map((day) => ({
    group_by_day: `${day.date}T00:00:00+00:00`,
    [field.list]: day.groups.map((group) => ({
      [field.name]: groupBy === 'team' && group.groupId === '' ? 'Unassigned Team' : (group.name ?? group.groupId),
      ...(groupBy === 'team' ? { team_id: group.groupId === '' ? null : group.groupId } : {}),
      total_spend: usd(group.spendNano),
      metadata: group.breakdown.map((line) => ({ model: line.model, spend: usd(line.spendNano), total_tokens: line.totalTokens, api_key: line.apiKey })),
    })),
  }));
}

/**
 * The per-key variant LiteLLM returns when `/global/spend/report` is filtered by `api_key` or `internal_user_id`:
 * `[{api_key, total_cost, total_input_tokens, total_output_tokens, model_details: [...]}]` over the whole range.
 * Pass a report grouped by `api_key`.
 */
export function toLiteLLMKeySpendReport(days: SpendReportDay[]) {
  const keys = new Map<string, { cost: bigint; input: number; output: number; models: Map<string, { cost: bigint; input: number; output: number }> }>();
  for (const group of days.flatMap((day) => day.groups)) {
    const key = keys.get(group.groupId) ?? { cost: 0n, input: 0, output: 0, models: new Map<string, { cost: bigint; input: number; output: number }>() };
    for (const line of group.breakdown) {
      key.cost += line.spendNano;
      key.input += line.promptTokens;
      key.output += line.completionTokens;
      const model = key.models.get(line.model) ?? { cost: 0n, input: 0, output: 0 };
      model.cost += line.spendNano;
      model.input += line.promptTokens;
      model.output += line.completionTokens;
      key.models.set(line.model, model);
    }
    keys.set(group.groupId, key);
  }
  return [...keys].map(([apiKey, key]) => ({
    api_key: apiKey,
    total_cost: usd(key.cost),
    total_input_tokens: key.input,
    total_output_tokens: key.output,
    model_details: [...key.models].map(([model, totals]) => ({
      model,
      total_cost: usd(totals.cost),
      total_input_tokens: totals.input,
      total_output_tokens: totals.output,
    })),
  }));
}

/** `/spend/logs?summarize=true` in LiteLLM's shape: per day `{startTime, spend, users, models, <key hash>: spend}`. */
export function toLiteLLMSpendSummary(days: DailySpendSummary[]): Array<Record<string, unknown>> {
  const toUsd = (amounts: Record<string, bigint>) => Object.fromEntries(Object.entries(amounts).map(([name, amount]) => [name, usd(amount)]));
  return days.map((day) => ({ ...toUsd(day.apiKeys), startTime: day.date, spend: usd(day.spendNano), users: toUsd(day.users), models: toUsd(day.models) }));
}
