import type { ChatMessage, ChatTool } from '@tollgate/core';
import { countTokens, defaultCatalogue, tokenUpperBound, worstCaseCost, type CountTokensOptions } from '@tollgate/pricing';

/**
 * How prompt tokens are found: `upper-bound` costs no tokenizer (text counted as its UTF-8 bytes, never fewer than
 * its tokens), `counted` runs the model's tokenizer (+25 % in the bound when it is an estimate). Admission tries the
 * bound first and counts only when the bound would be refused, so a request is never refused for the bound's slack.
 */
export type PromptMeasure = 'upper-bound' | 'counted';

/** What a request's worst case is computed from. */
export interface WorstCaseRequest {
  /** Catalogue names of the deployments that may serve it. */
  pricingModels: readonly string[];
  messages?: readonly ChatMessage[];
  tools?: readonly ChatTool[];
  text?: string;
  /** The request's own output limit per choice, or the one the gateway set. */
  maxOutputTokens: number | undefined;
  /** Choices it generates (`max(n, best_of)`). */
  choices: number;
  writesCache: boolean;
  embedding?: boolean;
  measure: PromptMeasure;
}

export interface WorstCase {
  /** Prompt tokens reserved: the bound, or the count (+25 % when an estimate). */
  promptTokens: number;
  /** The most output the request may produce, all choices together. */
  maxOutputTokens: number;
  /** Most expensive possible cost over the candidate deployments, nano-USD; 0 when none is priced. */
  costNano: number;
  /** Set when a priced deployment has no output limit the request or catalogue gives: its cost has no bound. */
  unboundedMessage?: string;
}

/** Prompt tokens of a request for one pricing model, and whether they are a tokenizer estimate. */
export function promptTokensOf(request: WorstCaseRequest, model: string): { tokens: number; estimated: boolean } {
  const prompt: CountTokensOptions = request.embedding
    ? { model, text: request.text ?? '' }
    : { model, messages: request.messages ?? [], tools: request.tools ?? [] };
  if (request.measure === 'upper-bound') return { tokens: tokenUpperBound(prompt), estimated: false };
  const count = countTokens(prompt);
  return { tokens: count.tokens, estimated: count.estimated };
}

/**
 * The request's worst case, reserved against every budget before it is forwarded: @tollgate/pricing's
 * `worstCaseCost` (every choice's output at the dearest output rate, cache writes, estimate margin) at the dearest
 * deployment that may serve it. Unpriced models reserve 0 (their cost is booked as unknown, never as 0).
 */
export function estimateWorstCase(request: WorstCaseRequest): WorstCase {
  const bound = request.measure === 'upper-bound' ? promptTokensOf(request, request.pricingModels[0] ?? 'gpt-4o') : undefined;
  let promptTokens = 0;
  let maxOutputTokens = 0;
  let costNano = 0;
  let unboundedMessage: string | undefined;
  for (const model of request.pricingModels) {
    const prompt = bound ?? promptTokensOf(request, model);
    const worst = worstCaseCost({
      model,
      promptTokens: prompt.tokens,
      promptTokensEstimated: prompt.estimated,
      maxOutputTokens: request.embedding ? 0 : request.maxOutputTokens,
      choices: request.choices,
      writesCache: request.writesCache,
    });
    if (worst.bounded) {
      promptTokens = Math.max(promptTokens, worst.promptTokens);
      maxOutputTokens = Math.max(maxOutputTokens, worst.outputTokens);
      costNano = Math.max(costNano, worst.costNanoUsd);
    } else {
      promptTokens = Math.max(promptTokens, prompt.tokens);
      // No cost bound, but tpm still reserves what is known of the output (corrected at settlement).
      const info = defaultCatalogue.findModelInfo(model);
      const perChoice = request.maxOutputTokens ?? info?.maxOutputTokens ?? info?.maxTokens ?? 0;
      maxOutputTokens = Math.max(maxOutputTokens, request.embedding ? 0 : perChoice * request.choices);
      if (worst.reason === 'unknown_output_limit') unboundedMessage ??= worst.message;
    }
  }
  if (request.pricingModels.length === 0) promptTokens = (bound ?? promptTokensOf(request, 'gpt-4o')).tokens;
  return { promptTokens, maxOutputTokens, costNano, unboundedMessage };
}
