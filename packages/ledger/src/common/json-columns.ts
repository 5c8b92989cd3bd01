import { z } from 'zod';

/**
 * zod schemas of the JSON text columns. Money inside JSON is a decimal string of nano-USD (JSON numbers would lose
 * exactness above 2^53).
 */
const nanoString = z.string().regex(/^\d+$/).transform((value) => BigInt(value));

export const stringListColumn = z.array(z.string());
export const stringMapColumn = z.record(z.string(), z.string());
export const numberMapColumn = z.record(z.string(), z.number());
export const metadataColumn = z.record(z.string(), z.unknown());

/** A per-model budget (`model_max_budget`). */
export interface ModelBudget {
  /** Cap for spend on this model, nano-USD. */
  maxBudgetNano: bigint;
  /** Window for the cap (`1d`, `30d`), or null for all time. */
  budgetDuration: string | null;
}

/** One window of a multi-window budget (`budget_limits`). */
export interface BudgetLimit {
  /** Window length (`24h`, `30d`). */
  budgetDuration: string;
  /** Cap for spend within one window, nano-USD. */
  maxBudgetNano: bigint;
}

export const modelBudgetsColumn = z
  .record(z.string(), z.object({ max_budget_nano: nanoString, budget_duration: z.string().nullable() }))
  .transform((value) =>
    Object.fromEntries(
      Object.entries(value).map(([model, budget]) => [model, { maxBudgetNano: budget.max_budget_nano, budgetDuration: budget.budget_duration }]),
    ) as Record<string, ModelBudget>,
  );

export const budgetLimitsColumn = z
  .array(z.object({ budget_duration: z.string(), max_budget_nano: nanoString }))
  .transform((value) => value.map((limit): BudgetLimit => ({ budgetDuration: limit.budget_duration, maxBudgetNano: limit.max_budget_nano })));

/** Stored form of `model_max_budget`. */
export function writeModelBudgets(budgets: Record<string, ModelBudget>): string {
  return JSON.stringify(
    Object.fromEntries(
      Object.entries(budgets).map(([model, budget]) => [model, { max_budget_nano: budget.maxBudgetNano.toString(), budget_duration: budget.budgetDuration }]),
    ),
  );
}

/** Stored form of `budget_limits`. */
export function writeBudgetLimits(limits: BudgetLimit[]): string {
  return JSON.stringify(limits.map((limit) => ({ budget_duration: limit.budgetDuration, max_budget_nano: limit.maxBudgetNano.toString() })));
}
