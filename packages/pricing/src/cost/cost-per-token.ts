import { BadRequestError, nanoUsdToUsd } from '@tollgate/core';
import type { ModelCatalogue } from '../catalogue/model-catalogue.js';
import { completionCost } from './completion-cost.js';
import type { CostBucket, UnpricedCost } from './cost-result.js';
import { femtoToNanoUsd } from './price-usage.js';

/** Options of {@link costPerToken}: token counts in LiteLLM's terms. */
export interface CostPerTokenOptions {
  model: string;
  /** All prompt tokens, cached and cache-written included. */
  promptTokens: number;
  /** All completion tokens, reasoning included. */
  completionTokens: number;
  /** Of the prompt tokens, how many were read from the cache. */
  cachedTokens?: number;
  /** Of the prompt tokens, how many were written to the cache. */
  cacheWriteTokens?: number;
  /** Of the completion tokens, how many were reasoning. */
  reasoningTokens?: number;
  catalogue?: ModelCatalogue;
}

/** The prompt and completion sides of a priced call, like LiteLLM's `(prompt_cost, completion_cost)`. */
export interface PricedTokenCost {
  priced: true;
  model: string;
  /** Input side (uncached, cache read, cache write), nano-USD rounded half up. */
  promptCostNanoUsd: number;
  /** Output side (text, reasoning), nano-USD rounded half up. */
  completionCostNanoUsd: number;
  promptCostUsd: number;
  completionCostUsd: number;
}

const OUTPUT_BUCKETS: ReadonlySet<CostBucket> = new Set(['textOutput', 'reasoning']);

function requireCount(value: number | undefined, param: string): number {
  const count = value ?? 0;
  if (!Number.isSafeInteger(count) || count < 0) {
    throw new BadRequestError(`${param} must be a non-negative integer, got ${String(value)}`, { param });
  }
  return count;
}

/**
 * Prompt and completion cost of a call given as token counts. Each side is rounded to nano-USD on its own, so their
 * sum can differ by 1 nano-USD from `completionCost`'s total, which is the amount to bill.
 */
export function costPerToken(options: CostPerTokenOptions): PricedTokenCost | UnpricedCost {
  const promptTokens = requireCount(options.promptTokens, 'promptTokens');
  const completionTokens = requireCount(options.completionTokens, 'completionTokens');
  const cachedTokens = requireCount(options.cachedTokens, 'cachedTokens');
  const cacheWriteTokens = requireCount(options.cacheWriteTokens, 'cacheWriteTokens');
  const reasoningTokens = requireCount(options.reasoningTokens, 'reasoningTokens');
  if (cachedTokens + cacheWriteTokens > promptTokens) {
    throw new BadRequestError('cachedTokens + cacheWriteTokens cannot exceed promptTokens', { param: 'cachedTokens' });
  }
  if (reasoningTokens > completionTokens) {
    throw new BadRequestError('reasoningTokens cannot exceed completionTokens', { param: 'reasoningTokens' });
  }
  const result = completionCost({
    model: options.model,
    catalogue: options.catalogue,
    usage: {
      uncachedInputTokens: promptTokens - cachedTokens - cacheWriteTokens,
      cacheReadTokens: cachedTokens,
      cacheWriteTokens,
      textOutputTokens: completionTokens - reasoningTokens,
      reasoningTokens,
    },
  });
  if (!result.priced) return result;
  let promptFemtoUsd = 0n;
  let completionFemtoUsd = 0n;
  for (const line of result.breakdown) {
    if (OUTPUT_BUCKETS.has(line.bucket)) completionFemtoUsd += line.costFemtoUsd;
    else promptFemtoUsd += line.costFemtoUsd;
  }
  const promptCostNanoUsd = Number(femtoToNanoUsd(promptFemtoUsd));
  const completionCostNanoUsd = Number(femtoToNanoUsd(completionFemtoUsd));
  return {
    priced: true,
    model: result.model,
    promptCostNanoUsd,
    completionCostNanoUsd,
    promptCostUsd: nanoUsdToUsd(promptCostNanoUsd),
    completionCostUsd: nanoUsdToUsd(completionCostNanoUsd),
  };
}
