import { nanoUsdToUsd, nullableNanoUsdToUsd } from '@tollgate/core';
import type { BudgetLimit, ModelBudget } from '@tollgate/ledger';

/** Small converters shared by the LiteLLM-shaped serializers (USD numbers, ISO strings, snake_case). */

export const usd = nanoUsdToUsd;
export const nullableUsd = nullableNanoUsdToUsd;

/** An instant as ISO 8601, or null. */
export function isoOrNull(value: Date | null): string | null {
  return value === null ? null : value.toISOString();
}

/** `model_max_budget` as LiteLLM shows it: `{"gpt-4o": {"budget_limit": 5, "time_period": "1d"}}`. */
export function toLiteLLMModelBudgets(budgets: Record<string, ModelBudget>): Record<string, { budget_limit: number; time_period: string | null }> {
  return Object.fromEntries(Object.entries(budgets).map(([model, budget]) => [model, { budget_limit: usd(budget.maxBudgetNano), time_period: budget.budgetDuration }]));
}

/** `budget_limits` as LiteLLM shows it: `[{"budget_duration": "24h", "max_budget": 10}]`. */
export function toLiteLLMBudgetLimits(limits: BudgetLimit[]): Array<{ budget_duration: string; max_budget: number }> {
  return limits.map((limit) => ({ budget_duration: limit.budgetDuration, max_budget: usd(limit.maxBudgetNano) }));
}

/** Per-model spend in USD. */
export function toLiteLLMModelSpend(spend: Record<string, bigint>): Record<string, number> {
  return Object.fromEntries(Object.entries(spend).map(([model, amount]) => [model, usd(amount)]));
}
