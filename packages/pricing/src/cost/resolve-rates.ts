import type { ModelInfo, PriceTier, TokenPrices } from '../catalogue/model-info.js';
import type { CostBucket } from './cost-result.js';

/** The rates in force for one request. */
export interface EffectiveRates {
  /** Each bucket's rate in nano-USD per 1M tokens; undefined = the data has no price for it. */
  rates: Readonly<Record<CostBucket, number | undefined>>;
  /** The threshold of the tier in force, or null for base prices. */
  tierAboveInputTokens: number | null;
}

/** The highest tier whose threshold the prompt exceeds (LiteLLM: `prompt_tokens > threshold`). */
function tierFor(tiers: readonly PriceTier[], promptTokens: number): PriceTier | undefined {
  let chosen: PriceTier | undefined;
  for (const tier of tiers) if (promptTokens > tier.aboveInputTokens) chosen = tier;
  return chosen;
}

/**
 * Rates for a request with `promptTokens` prompt tokens (cached included), or undefined when the model has no input
 * price. Tiers are all-or-nothing, as in LiteLLM: once the prompt exceeds a tier's threshold every bucket uses the
 * tier's rate, and a bucket the tier does not list keeps the base rate. Then the fallbacks:
 * cache read and cache write → input rate (a provider that lists no cache price bills those tokens as input);
 * 1-hour cache write → cache write; reasoning → output.
 */
export function resolveRates(info: ModelInfo, promptTokens: number): EffectiveRates | undefined {
  const base: TokenPrices = info.nanoUsdPerMillionTokens ?? {};
  const tier = tierFor(info.tiers, promptTokens);
  const rate = (bucket: keyof TokenPrices) => tier?.nanoUsdPerMillionTokens[bucket] ?? base[bucket];
  const input = rate('input');
  if (input === undefined) return undefined;
  const output = rate('output');
  const cacheWrite = rate('cacheWrite') ?? input;
  return {
    rates: {
      uncachedInput: input,
      cacheRead: rate('cacheRead') ?? input,
      cacheWrite,
      cacheWriteOneHour: rate('cacheWriteOneHour') ?? cacheWrite,
      textOutput: output,
      reasoning: rate('reasoning') ?? output,
    },
    tierAboveInputTokens: tier?.aboveInputTokens ?? null,
  };
}
