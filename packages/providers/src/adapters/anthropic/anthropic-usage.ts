import type { OpenAIUsage } from '@tollgate/core';
import { makeOpenAIUsage } from '../../adapter/make-openai-usage.js';
import type { AnthropicUsage } from './anthropic-api.js';

/**
 * Anthropic usage → OpenAI usage. Anthropic's `input_tokens` excludes cached input, so `prompt_tokens` adds cache
 * reads and cache writes back (OpenAI's convention: prompt tokens include cached ones); reads become
 * `prompt_tokens_details.cached_tokens`, writes `cache_creation_tokens`. LiteLLM's top-level
 * `cache_read_input_tokens` / `cache_creation_input_tokens` copies are kept for clients written against it.
 * Thinking tokens are inside `output_tokens` and not reported apart, so `reasoning_tokens` stays 0.
 */
export function toOpenAIUsageFromAnthropic(usage: AnthropicUsage): OpenAIUsage {
  const cacheRead = usage.cache_read_input_tokens ?? 0;
  const cacheCreation = usage.cache_creation_input_tokens ?? 0;
  const openAIUsage = makeOpenAIUsage({
    promptTokens: (usage.input_tokens ?? 0) + cacheRead + cacheCreation,
    completionTokens: usage.output_tokens ?? 0,
    cachedTokens: cacheRead,
    cacheCreationTokens: cacheCreation,
  });
  openAIUsage.cache_creation_input_tokens = cacheCreation;
  openAIUsage.cache_read_input_tokens = cacheRead;
  return openAIUsage;
}

/**
 * Stream usage: `message_start` carries the first counts, and `message_delta` repeats them with the final
 * (cumulative) `output_tokens`. Every non-null field of the later one wins.
 */
export function mergeAnthropicUsage(earlier: AnthropicUsage, later: AnthropicUsage): AnthropicUsage {
  const merged: AnthropicUsage = { ...earlier };
  for (const key of ['input_tokens', 'output_tokens', 'cache_creation_input_tokens', 'cache_read_input_tokens'] as const) {
    const value = later[key];
    if (value != null) merged[key] = value;
  }
  return merged;
}
