import { BadRequestError } from '@tollgate/core';
import { admissionError, type AdmitResult, type LimitBackend, type ScopeLimits } from '@tollgate/limits';
import { callWorstCase, type CallWorstCase, type CallWorstCaseOptions, type PromptMeasure } from '@tollgate/pricing';
import { budgetRefusalError } from './budget-refusal-error.js';
import type { BudgetEnforcement } from './budget-enforcement.js';
import { affordedOutput, MIN_ANSWER_TOKENS, type AffordedOutput } from './lower-max-tokens.js';

/** What one admission reserves against, and how the request's worst case is described. */
export interface ReserveWithinBudgetOptions {
  limiter: LimitBackend;
  requestId: string;
  scopes: ScopeLimits[];
  nowMs: number;
  enforcement: BudgetEnforcement;
  /** The request's own per-choice output limit. */
  requestedMaxTokens: number | undefined;
  /** Whether the gateway may lower the request's output (chat completions; not embeddings). */
  lowerable: boolean;
  /** The request's worst-case inputs for a prompt measure and a per-choice output limit. */
  worstCaseRequestOf: (measure: PromptMeasure, maxOutputTokens: number | undefined) => CallWorstCaseOptions;
}

/** The limiter's answer, and what the admitted request must respect. */
export interface BudgetReservation {
  result: AdmitResult;
  /** Per-choice `max_tokens` to send upstream: what the budget affords, less than the model's full output. */
  loweredMaxTokens?: number;
  /** Output tokens (all choices) the reservation covers: a stream that passes it is stopped. */
  outputTokenLimit?: number;
}

const NOTHING: CallWorstCase = { costNanoUsd: 0, dearest: undefined, promptTokens: 0, maxOutputTokens: 0, unbounded: [] };

/** Why a priced deployment's cost has no bound (it has no output limit), or undefined. Unpriced ones reserve 0. */
function unboundedMessageOf(worst: CallWorstCase): string | undefined {
  return worst.unbounded.find((bound) => bound.reason === 'unknown_output_limit')?.message;
}

/**
 * Reserves a request's worst case against every limit in scope: one limiter round trip when it fits. When it does
 * not, a second try (a refusal records nothing): with the prompt counted instead of bounded, and — for a request
 * without max_tokens that a budget refused — with the max_tokens the least room left affords. A budget refusal
 * throws an error saying what was reserved against what is left; other outcomes are returned for the caller.
 * `loose` enforcement (LiteLLM's rule) reserves 1 nano-USD, which refuses only a budget already spent.
 */
export async function reserveWithinBudget(options: ReserveWithinBudgetOptions): Promise<BudgetReservation> {
  const { scopes, requestedMaxTokens } = options;
  const needsEstimate = scopes.some((scope) => (scope.budgets?.length ?? 0) > 0 || scope.tpm !== undefined);
  const hasBudgets = scopes.some((scope) => (scope.budgets?.length ?? 0) > 0);
  const exact = options.enforcement === 'exact';
  const estimate = (measure: PromptMeasure, maxOutputTokens = requestedMaxTokens): CallWorstCase =>
    needsEstimate ? callWorstCase(options.worstCaseRequestOf(measure, maxOutputTokens)) : NOTHING;
  const affordedIn = (result: AdmitResult): AffordedOutput | undefined =>
    result.outcome === 'refused' ? affordedOutput(options.worstCaseRequestOf('counted', undefined), result.refusal.budgetRoomNano ?? 0) : undefined;
  const admitWith = (worst: CallWorstCase) =>
    options.limiter.admit({
      requestId: options.requestId,
      scopes,
      reserveNano: exact ? worst.costNanoUsd : Math.min(1, worst.costNanoUsd),
      reserveTokens: Math.min(Number.MAX_SAFE_INTEGER, worst.promptTokens + worst.maxOutputTokens),
      nowMs: options.nowMs,
    });

  let worst = estimate('upper-bound');
  const unboundedMessage = unboundedMessageOf(worst);
  if (exact && hasBudgets && unboundedMessage !== undefined) {
    throw new BadRequestError(`This request's cost cannot be reserved against its budget: ${unboundedMessage}.`, { param: 'max_tokens', code: '400' });
  }
  let result = await admitWith(worst);
  let afforded: AffordedOutput | undefined;
  let loweredMaxTokens: number | undefined;
  if (needsEstimate && result.outcome === 'refused' && (result.refusal.limit === 'budget' || result.refusal.limit === 'tpm')) {
    const canLower = exact && options.lowerable && result.refusal.limit === 'budget' && requestedMaxTokens === undefined;
    afforded = canLower ? affordedIn(result) : undefined;
    if (!canLower || (afforded !== undefined && afforded.tokens >= MIN_ANSWER_TOKENS)) {
      worst = estimate('counted', afforded?.lowered ? afforded.tokens : requestedMaxTokens);
      result = await admitWith(worst);
      if (afforded?.lowered && result.outcome === 'admitted') loweredMaxTokens = afforded.tokens;
    } else {
      worst = estimate('counted');
    }
  }
  if (exact && needsEstimate && result.outcome === 'refused' && result.refusal.limit === 'budget') {
    afforded ??= affordedIn(result);
    throw budgetRefusalError({ error: admissionError(result)!, refusal: result.refusal, worstCase: worst, afforded });
  }
  const capsOutput = exact && hasBudgets && options.lowerable && worst.costNanoUsd > 0 && result.outcome === 'admitted';
  return { result, loweredMaxTokens, outputTokenLimit: capsOutput ? worst.maxOutputTokens : undefined };
}
