import { affordableOutputTokens, measurePromptTokens, type CallWorstCaseOptions } from '@tollgate/pricing';

/**
 * The least output per choice worth sending upstream: when the budget affords less than this beside the prompt, the
 * request is refused instead of lowered (an answer cut after a few tokens is rarely of use, and still costs).
 */
export const MIN_ANSWER_TOKENS = 16;

/** What the budget affords a request that set no `max_tokens`. */
export interface AffordedOutput {
  /** The largest per-choice `max_tokens` whose worst case fits the room on every deployment that may serve it. */
  tokens: number;
  /** True when that is less than some deployment's own output limit, so `max_tokens` must be set upstream. */
  lowered: boolean;
}

/**
 * The per-choice output the remaining budget (`roomNano`, the least any budget in scope has left) affords, with the
 * prompt counted; undefined when a deployment's cost has no bound. Only deployments with a price constrain it.
 */
export function affordedOutput(request: CallWorstCaseOptions, roomNano: number): AffordedOutput | undefined {
  let tokens: number | undefined;
  let lowered = false;
  for (const model of request.pricingModels) {
    const prompt = measurePromptTokens({ model, prompt: request.prompt, measure: 'counted' });
    const call = {
      model,
      catalogue: request.catalogue,
      promptTokens: prompt.tokens,
      promptTokensEstimated: prompt.estimated,
      choices: request.choices,
      writesCache: request.writesCache,
    };
    const afforded = affordableOutputTokens({ ...call, budgetNanoUsd: roomNano });
    const full = affordableOutputTokens({ ...call, budgetNanoUsd: Number.MAX_SAFE_INTEGER });
    if (afforded === undefined || full === undefined) continue;
    tokens = Math.min(tokens ?? afforded, afforded);
    if (afforded < full) lowered = true;
  }
  return tokens === undefined ? undefined : { tokens, lowered };
}
