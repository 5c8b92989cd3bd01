import type { OpenAIUsage } from '@tollgate/core';

/** Token counts in a provider-neutral form; `makeOpenAIUsage` turns them into OpenAI's wire usage. */
export interface UsageCounts {
  /** All input tokens, cached and cache-written ones included (OpenAI's convention). */
  readonly promptTokens: number;
  /** All output tokens, reasoning included. */
  readonly completionTokens: number;
  /** Input tokens read from the provider's prompt cache. */
  readonly cachedTokens?: number;
  /** Input tokens written to the prompt cache (Anthropic cache creation). */
  readonly cacheCreationTokens?: number;
  /** Output tokens spent on reasoning. */
  readonly reasoningTokens?: number;
}

/**
 * OpenAI-format usage with `prompt_tokens_details.cached_tokens` and `completion_tokens_details.reasoning_tokens`
 * always present (0 when unknown), so clients and accounting read one shape for every provider.
 */
export function makeOpenAIUsage(counts: UsageCounts): OpenAIUsage {
  const usage: OpenAIUsage = {
    prompt_tokens: counts.promptTokens,
    completion_tokens: counts.completionTokens,
    total_tokens: counts.promptTokens + counts.completionTokens,
    prompt_tokens_details: { cached_tokens: counts.cachedTokens ?? 0 },
    completion_tokens_details: { reasoning_tokens: counts.reasoningTokens ?? 0 },
  };
  if (counts.cacheCreationTokens !== undefined && counts.cacheCreationTokens > 0) {
    usage.prompt_tokens_details = { ...usage.prompt_tokens_details, cache_creation_tokens: counts.cacheCreationTokens };
    usage.cache_creation_input_tokens = counts.cacheCreationTokens;
  }
  return usage;
}
