import { BadRequestError } from '@tollgate/core';
import { parseDuration } from '../budget-window/parse-duration.js';
import { MAX_NANO_USD } from '@tollgate/core';
import type { BudgetLimit, ModelBudget } from './json-columns.js';

/** Store-level guards: the proxy validates request bodies, these keep the tables consistent whoever writes. */

/** Refuses a negative or oversized nano-USD amount (LiteLLM: 400 on negative budgets). */
export function checkNano(value: bigint | null | undefined, param: string): void {
  if (value === null || value === undefined) return;
  if (value < 0n) throw new BadRequestError(`${param} must not be negative`, { param });
  if (value > MAX_NANO_USD) throw new BadRequestError(`${param} is too large`, { param });
}

/** Refuses a limit (rpm, tpm, parallel requests) that is not a non-negative safe integer. */
export function checkLimit(value: number | null | undefined, param: string): void {
  if (value === null || value === undefined) return;
  if (!Number.isSafeInteger(value) || value < 0) throw new BadRequestError(`${param} must be a non-negative integer`, { param });
}

/** Refuses a malformed duration string, naming the field. */
export function checkDuration(value: string | null | undefined, param: string): void {
  if (value === null || value === undefined) return;
  try {
    parseDuration(value);
  } catch (error) {
    throw new BadRequestError(`${param}: ${(error as Error).message}`, { param, cause: error });
  }
}

/** Checks every entry of a per-model limit map. */
export function checkLimitMap(value: Record<string, number> | undefined, param: string): void {
  for (const [model, limit] of Object.entries(value ?? {})) checkLimit(limit, `${param}.${model}`);
}

/** Checks `model_max_budget`. */
export function checkModelBudgets(value: Record<string, ModelBudget> | undefined, param: string): void {
  for (const [model, budget] of Object.entries(value ?? {})) {
    checkNano(budget.maxBudgetNano, `${param}.${model}`);
    checkDuration(budget.budgetDuration, `${param}.${model}`);
  }
}

/** Checks `budget_limits`. */
export function checkBudgetLimits(value: BudgetLimit[] | undefined, param: string): void {
  (value ?? []).forEach((limit, index) => {
    checkNano(limit.maxBudgetNano, `${param}[${index}].max_budget`);
    checkDuration(limit.budgetDuration, `${param}[${index}].budget_duration`);
  });
}
