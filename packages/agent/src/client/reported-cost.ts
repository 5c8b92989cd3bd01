import { nanoUsdToNumber, usdToNanoUsd, type OpenAIUsage } from '@tollgate/core';

/** USD as integer nano-USD, or null for anything that is not a finite, non-negative amount. */
function toNanoUsd(value: unknown): number | null {
  if (typeof value !== 'number' && (typeof value !== 'string' || value.trim() === '')) return null;
  try {
    const amount = usdToNanoUsd(value);
    return amount < 0n ? null : nanoUsdToNumber(amount);
  } catch {
    // Not a finite decimal amount (or absurdly large): the call counts as unreported, and is priced from its usage.
    return null;
  }
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
