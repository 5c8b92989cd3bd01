import { BudgetExceededError, type TollgateError } from '@tollgate/core';
import type { LimitRefusal } from '@tollgate/limits';
import { formatNanoUsd, type CallWorstCase } from '@tollgate/pricing';
import { MIN_ANSWER_TOKENS, type AffordedOutput } from './lower-max-tokens.js';

/**
 * A budget refusal that says what the request would have reserved against what is left, and what would fit: LiteLLM's
 * "Budget has been exceeded! ..." first (clients match on it), then the figures and a suggested `max_tokens`.
 */
export function budgetRefusalError(options: {
  error: TollgateError;
  refusal: LimitRefusal;
  worstCase: Pick<CallWorstCase, 'promptTokens' | 'maxOutputTokens'>;
  afforded: AffordedOutput | undefined;
}): TollgateError {
  const { error, refusal, worstCase, afforded } = options;
  if (!(error instanceof BudgetExceededError)) return error;
  const left = refusal.budgetRoomNano ?? Math.max(0, refusal.max - refusal.current);
  const figures =
    `This request would have reserved $${formatNanoUsd(refusal.requested)} (worst case: ${worstCase.promptTokens} prompt + ` +
    `${worstCase.maxOutputTokens} output tokens) and $${formatNanoUsd(left)} is left.`;
  const advice =
    afforded !== undefined && afforded.tokens >= MIN_ANSWER_TOKENS
      ? `Set max_tokens to at most ${afforded.tokens} to fit.`
      : `Not even the prompt and a minimum answer (max_tokens ${MIN_ANSWER_TOKENS}) fit: shorten the prompt or raise the budget.`;
  return new BudgetExceededError(`${error.message}. ${figures} ${advice}`, {
    currentCostUsd: error.currentCostUsd,
    maxBudgetUsd: error.maxBudgetUsd,
    retryAfterSeconds: error.retryAfterSeconds,
  });
}
