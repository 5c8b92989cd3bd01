import { BudgetExceededError } from '@tollgate/core';
import type { AgentRunResult } from '../run/agent-run-result.js';

/** What {@link MaxCostExceededError} reports. */
export interface MaxCostExceededErrorOptions {
  /** The cap, USD. */
  maxCostUsd: number;
  /** Spent so far, USD (unpriced calls counted at their worst case). */
  spentUsd: number;
  /** Worst case of the call that was not made, USD. */
  nextCallWorstCaseUsd: number;
  /** Catalogue name the worst case was priced with. */
  pricingModel: string;
  promptTokens: number;
  maxOutputTokens: number;
  /** The partial run; `stopReason: 'max_cost'`. */
  result: AgentRunResult;
}

/** USD with three significant digits, never in exponent notation (`$0.00133`, `$0.05`, `$0`). */
function usd(value: number): string {
  if (value === 0) return '$0';
  const decimals = Math.min(9, Math.max(2, 2 - Math.floor(Math.log10(Math.abs(value)))));
  return `$${value.toFixed(decimals).replace(/(\.\d*?[1-9])0+$|\.0+$/, '$1')}`;
}

/**
 * The next model call could take the run past `maxCostUsd`, so it was not made. A `BudgetExceededError`
 * (`budget_exceeded`), with the partial run in `result`.
 */
export class MaxCostExceededError extends BudgetExceededError {
  readonly result: AgentRunResult;
  readonly nextCallWorstCaseUsd: number;

  constructor(options: MaxCostExceededErrorOptions) {
    super(
      `The agent stopped before its next model call: it could cost up to ${usd(options.nextCallWorstCaseUsd)} ` +
        `(${options.promptTokens} prompt tokens, up to ${options.maxOutputTokens} output tokens at ${options.pricingModel} prices), ` +
        `and ${usd(options.spentUsd)} is already spent of maxCostUsd ${usd(options.maxCostUsd)}.`,
      { currentCostUsd: options.spentUsd, maxBudgetUsd: options.maxCostUsd, model: options.pricingModel },
    );
    this.name = 'MaxCostExceededError';
    this.result = options.result;
    this.nextCallWorstCaseUsd = options.nextCallWorstCaseUsd;
  }
}
