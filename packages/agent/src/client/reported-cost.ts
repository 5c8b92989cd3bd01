import type { OpenAIUsage } from '@tollgate/core';

const NANO_USD_PER_USD = 1e9;

/** USD as integer nano-USD, or null for anything that is not a finite, non-negative amount. */
function toNanoUsd(value: unknown): number | null {
  const usd = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof usd !== 'number' || !Number.isFinite(usd) || usd < 0) return null;
  return Math.round(usd * NANO_USD_PER_USD);
}

/**
 * The cost an OpenAI-compatible gateway reported for a call, in nano-USD: the `x-litellm-response-cost` header
 * (Tollgate and LiteLLM proxies, non-streamed calls), else `usage.cost` (LiteLLM's cost in the final usage chunk of
 * a stream). Null when neither is there; the agent then prices the usage with the catalogue.
 */
export function reportedCostNanoUsd(headers: Headers | undefined, usage: OpenAIUsage | null | undefined): number | null {
  const fromHeader = toNanoUsd(headers?.get('x-litellm-response-cost') ?? undefined);
  if (fromHeader !== null) return fromHeader;
  return toNanoUsd(usage?.['cost']);
}
