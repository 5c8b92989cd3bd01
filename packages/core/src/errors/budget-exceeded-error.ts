import { TollgateError, type TollgateErrorOptions } from './tollgate-error.js';

export interface BudgetExceededErrorOptions extends TollgateErrorOptions {
  /** Spend so far (plus reservations) in USD, when known. */
  currentCostUsd?: number;
  /** The budget that would be passed, in USD. */
  maxBudgetUsd?: number;
}

/** 400 `budget_exceeded` (LiteLLM's rendering): the request would take a budget in scope past its maximum. */
export class BudgetExceededError extends TollgateError {
  readonly currentCostUsd: number | undefined;
  readonly maxBudgetUsd: number | undefined;

  constructor(message: string, options: BudgetExceededErrorOptions = {}) {
    super(message, 400, 'budget_exceeded', options);
    this.currentCostUsd = options.currentCostUsd;
    this.maxBudgetUsd = options.maxBudgetUsd;
  }

  /** Budgets refuse the same way until the window resets or the budget is raised: retrying now cannot help. */
  override get isRetryable(): boolean {
    return false;
  }
}
