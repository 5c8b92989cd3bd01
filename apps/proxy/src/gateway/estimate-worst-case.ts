import { completionCost, countTokens, getMaxTokens, tokenUpperBound, type CountTokensOptions } from '@tollgate/pricing';

export interface WorstCase {
  /** Prompt tokens: counted (exactly for OpenAI tokenizers, else an estimate), or a bound no smaller than that count. */
  promptTokens: number;
  /** The most output the request may produce. */
  maxOutputTokens: number;
  /** Most expensive possible cost over the candidate deployments, nano-USD; 0 when none is priced. */
  costNano: number;
}

const DEFAULT_MAX_OUTPUT_TOKENS = 4096;

function safeMaxTokens(model: string): number | undefined {
  try {
    return getMaxTokens(model);
  } catch {
    return undefined;
  }
}

/**
 * How prompt tokens are found: `upper-bound` costs no tokenizer (text counted as its UTF-8 bytes, never fewer than
 * its tokens), `counted` runs the model's tokenizer. Admission tries the bound first and counts only when the bound
 * would be refused, so a request is never refused for the bound's slack.
 */
export type PromptMeasure = 'upper-bound' | 'counted';

/**
 * The request's worst case, reserved against every budget before it is forwarded: its prompt, plus the output it may
 * produce (`max_completion_tokens`, `max_tokens`, else the model's output limit), priced at the dearest deployment
 * that may serve it. Unpriced models reserve 0 (their cost is booked as unknown, never as 0).
 */
export function estimateWorstCase(options: {
  pricingModels: readonly string[];
  messages?: readonly unknown[];
  tools?: readonly unknown[];
  text?: string;
  requestedMaxTokens: number | undefined;
  embedding?: boolean;
  measure: PromptMeasure;
}): WorstCase {
  const counted = options.pricingModels[0] ?? 'gpt-4o';
  const prompt: CountTokensOptions = options.embedding
    ? { model: counted, text: options.text ?? '' }
    : { model: counted, messages: (options.messages ?? []) as never, tools: (options.tools ?? []) as never };
  const promptTokens = options.measure === 'counted' ? countTokens(prompt).tokens : tokenUpperBound(prompt);
  let maxOutputTokens = 0;
  let costNano = 0;
  for (const model of options.pricingModels) {
    const output = options.embedding ? 0 : (options.requestedMaxTokens ?? safeMaxTokens(model) ?? DEFAULT_MAX_OUTPUT_TOKENS);
    maxOutputTokens = Math.max(maxOutputTokens, output);
    const cost = completionCost({
      model,
      usage: { prompt_tokens: promptTokens, completion_tokens: output, total_tokens: promptTokens + output },
    });
    if (cost.priced) costNano = Math.max(costNano, cost.costNanoUsd);
  }
  return { promptTokens, maxOutputTokens, costNano };
}
