import { defaultCatalogue } from '../catalogue/default-catalogue.js';
import type { ModelCatalogue } from '../catalogue/model-catalogue.js';
import type { ModelInfo } from '../catalogue/model-info.js';
import { priceUsage } from './price-usage.js';
import { resolveRates } from './resolve-rates.js';
import type { BucketedUsage } from './priceable-usage.js';

/**
 * Token counts of models without their own tokenizer here are o200k estimates, typically within ±20 %; a bound
 * built on one takes 25 % more so that an under-count cannot let a call pass a budget.
 */
export const ESTIMATED_PROMPT_MARGIN = 1.25;

/** Options of {@link worstCaseCost}. */
export interface WorstCaseCostOptions {
  /** Catalogue name that prices the call. */
  model: string;
  /** Catalogue to price with; default: the bundled one plus registered custom prices. */
  catalogue?: ModelCatalogue;
  /** Prompt tokens: an exact count, an estimate (see `promptTokensEstimated`), or an upper bound. */
  promptTokens: number;
  /** True when `promptTokens` is a tokenizer estimate for a non-OpenAI model: the bound adds 25 %. */
  promptTokensEstimated?: boolean;
  /** The call's own output limit per choice (`max_completion_tokens` / `max_tokens`), when it sets one. */
  maxOutputTokens?: number | undefined;
  /** Choices generated: `max(n, best_of)` (see {@link outputChoicesOf}); default 1. */
  choices?: number;
  /** The prompt asks for caching (`cache_control`): it is bounded at the dearer of input and cache-write rates. */
  writesCache?: boolean;
}

/** Where the per-choice output limit of a bound came from. */
export type OutputLimitSource = 'request' | 'model' | 'context_window';

/** The most a call could cost, and what the bound is made of. */
export interface BoundedWorstCase {
  bounded: true;
  model: string;
  /** Upper bound of the call's cost, integer nano-USD. */
  costNanoUsd: number;
  /** Prompt tokens assumed (margin included when the count is an estimate). */
  promptTokens: number;
  /** Output tokens assumed per choice. */
  outputTokensPerChoice: number;
  /** Output tokens assumed in all: per choice × choices. */
  outputTokens: number;
  choices: number;
  outputLimitSource: OutputLimitSource;
}

/** Why a call cannot be bounded: no price, or no output limit anywhere (then the caller must send `max_tokens`). */
export type UnboundedReason = 'unpriced' | 'unknown_output_limit';

/** A call whose cost has no bound. */
export interface UnboundedWorstCase {
  bounded: false;
  model: string;
  reason: UnboundedReason;
  /** Human-readable, safe to show a client. */
  message: string;
}

/** What {@link worstCaseCost} returns. */
export type WorstCaseCost = BoundedWorstCase | UnboundedWorstCase;

/** How many choices a request generates: the larger of `n` and `best_of` (each at least 1). */
export function outputChoicesOf(request: { n?: unknown; best_of?: unknown }): number {
  const count = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) && value >= 1 ? Math.floor(value) : 1);
  return Math.max(count(request.n), count(request.best_of));
}

/** The prompt tokens a bound assumes: the count, plus 25 % when it is an estimate. */
export function boundedPromptTokens(promptTokens: number, estimated: boolean | undefined): number {
  return estimated ? Math.ceil(promptTokens * ESTIMATED_PROMPT_MARGIN) : promptTokens;
}

/**
 * The per-choice output limit: the call's own, else the model's output limit, else its context window minus the
 * prompt (a model cannot write past its window); undefined when none of these is known.
 */
function outputLimitOf(info: ModelInfo, options: WorstCaseCostOptions, promptTokens: number): { tokens: number; source: OutputLimitSource } | undefined {
  if (options.maxOutputTokens !== undefined) return { tokens: options.maxOutputTokens, source: 'request' };
  const modelLimit = info.maxOutputTokens ?? info.maxTokens;
  if (modelLimit !== undefined) return { tokens: modelLimit, source: 'model' };
  if (info.maxInputTokens !== undefined) return { tokens: Math.max(0, info.maxInputTokens - promptTokens), source: 'context_window' };
  return undefined;
}

const EMPTY: Required<BucketedUsage> = {
  uncachedInputTokens: 0,
  cacheReadTokens: 0,
  cacheWriteTokens: 0,
  cacheWriteOneHourTokens: 0,
  textOutputTokens: 0,
  reasoningTokens: 0,
};

/**
 * The dearest cost of a prompt and an output size over the buckets they may be billed in, or an unpriced message.
 * Priced straight from the model's info (the usage is built here, so it needs no validation: this is on the
 * proxy's per-request path).
 */
function dearestCost(options: { info: ModelInfo; promptTokens: number; outputTokens: number; writesCache: boolean }): number | string {
  const { info, promptTokens, outputTokens } = options;
  const prompts: Required<BucketedUsage>[] = [{ ...EMPTY, uncachedInputTokens: promptTokens }];
  if (options.writesCache) prompts.push({ ...EMPTY, cacheWriteTokens: promptTokens, cacheWriteOneHourTokens: promptTokens });
  // The tier, and so every rate, depends on the prompt alone: the dearer output bucket is known before pricing.
  const rates = resolveRates(info, promptTokens)?.rates;
  const reasoningIsDearer = (rates?.reasoning ?? 0) > (rates?.textOutput ?? 0);
  const output = reasoningIsDearer ? { reasoningTokens: outputTokens } : { textOutputTokens: outputTokens };
  let dearest = 0;
  for (const prompt of prompts) {
    let cost;
    try {
      cost = priceUsage(info, { ...prompt, ...output });
    } catch (error) {
      // Past 2^53 nano-USD (≈ $9M: absurd n or limits): a bound no budget admits, still an exact integer.
      if (error instanceof RangeError) return Number.MAX_SAFE_INTEGER;
      throw error;
    }
    if (!cost.priced) return cost.message;
    dearest = Math.max(dearest, cost.costNanoUsd);
  }
  return dearest;
}

/**
 * The worst-case cost of one call, the one rule shared by the gateway's budget reservations and the agent's cost cap:
 * prompt tokens (+25 % when estimated) at the dearer of the input and — when the prompt writes a cache — cache-write
 * rates, plus every choice's output (`max(n, best_of)` × the per-choice limit) at the dearer of the text and
 * reasoning rates, long-context tiers applied. The per-choice limit is the call's own, else the model's output limit,
 * else its context window minus the prompt; a model with none of these is `unknown_output_limit` — the caller must
 * send `max_tokens`. A model without input and output prices is `unpriced`.
 */
export function worstCaseCost(options: WorstCaseCostOptions): WorstCaseCost {
  const { model } = options;
  const catalogue = options.catalogue ?? defaultCatalogue;
  const info = catalogue.findModelInfo(model);
  const prices = info?.nanoUsdPerMillionTokens;
  if (!info || prices?.input === undefined || prices.output === undefined) {
    return { bounded: false, model, reason: 'unpriced', message: `the catalogue has no input and output price for "${model}"` };
  }
  const promptTokens = boundedPromptTokens(options.promptTokens, options.promptTokensEstimated);
  const limit = outputLimitOf(info, options, promptTokens);
  if (limit === undefined) {
    return {
      bounded: false,
      model,
      reason: 'unknown_output_limit',
      message: `no output limit is known for "${model}", so its cost has no bound; send max_tokens (or set the model's max_output_tokens)`,
    };
  }
  const choices = Math.max(1, Math.floor(options.choices ?? 1));
  const outputTokens = limit.tokens * choices;
  const cost = dearestCost({ info, promptTokens, outputTokens, writesCache: options.writesCache ?? false });
  if (typeof cost === 'string') return { bounded: false, model, reason: 'unpriced', message: cost };
  return {
    bounded: true,
    model,
    costNanoUsd: cost,
    promptTokens,
    outputTokensPerChoice: limit.tokens,
    outputTokens,
    choices,
    outputLimitSource: limit.source,
  };
}
