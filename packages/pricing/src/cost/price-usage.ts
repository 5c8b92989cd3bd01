import { nanoUsdToNumber, nanoUsdToUsd } from '@tollgate/core';
import type { ModelInfo } from '../catalogue/model-info.js';
import type { CostBucket, CostLine, CostResult } from './cost-result.js';
import type { BucketedUsage } from './priceable-usage.js';
import { resolveRates } from './resolve-rates.js';

const FEMTO_PER_NANO = 1_000_000n;

/** Rounds a non-negative femto-USD amount to nano-USD, half up. The only rounding in the package. */
export function femtoToNanoUsd(femtoUsd: bigint): bigint {
  return (femtoUsd + FEMTO_PER_NANO / 2n) / FEMTO_PER_NANO;
}

/**
 * Prices bucketed usage with a model's rates: each bucket's tokens × its rate in integer femto-USD (exact), summed,
 * then rounded once to nano-USD. The tier is chosen by all prompt tokens (uncached + cache read + cache write).
 */
export function priceUsage(info: ModelInfo, usage: Required<BucketedUsage>): CostResult {
  const promptTokens = usage.uncachedInputTokens + usage.cacheReadTokens + usage.cacheWriteTokens;
  const resolved = resolveRates(info, promptTokens);
  if (resolved === undefined) {
    return {
      priced: false,
      model: info.key,
      reason: 'no_price',
      message: `Model "${info.key}" has no input token price in the catalogue; register one with registerModel.`,
    };
  }
  const buckets: [CostBucket, number][] = [
    ['uncachedInput', usage.uncachedInputTokens],
    ['cacheRead', usage.cacheReadTokens],
    ['cacheWrite', usage.cacheWriteTokens - usage.cacheWriteOneHourTokens],
    ['cacheWriteOneHour', usage.cacheWriteOneHourTokens],
    ['textOutput', usage.textOutputTokens],
    ['reasoning', usage.reasoningTokens],
  ];
  const breakdown: CostLine[] = [];
  let totalFemtoUsd = 0n;
  for (const [bucket, tokens] of buckets) {
    if (tokens === 0) continue;
    const rate = resolved.rates[bucket];
    if (rate === undefined) {
      return {
        priced: false,
        model: info.key,
        reason: 'no_price',
        message: `Model "${info.key}" has no output token price in the catalogue, yet the request used ${tokens} ${bucket} tokens.`,
      };
    }
    const costFemtoUsd = BigInt(tokens) * BigInt(rate);
    totalFemtoUsd += costFemtoUsd;
    breakdown.push({ bucket, tokens, nanoUsdPerMillionTokens: rate, costFemtoUsd });
  }
  const costNanoUsd = nanoUsdToNumber(femtoToNanoUsd(totalFemtoUsd));
  return {
    priced: true,
    model: info.key,
    provider: info.provider,
    costNanoUsd,
    costUsd: nanoUsdToUsd(costNanoUsd),
    costFemtoUsd: totalFemtoUsd,
    tierAboveInputTokens: resolved.tierAboveInputTokens,
    breakdown,
  };
}
