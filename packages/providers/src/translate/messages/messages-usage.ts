import type { MessagesUsage, OpenAIUsage } from '@tollgate/core';

/**
 * OpenAI usage → Anthropic usage. OpenAI's `prompt_tokens` includes cached input; Anthropic's `input_tokens` does
 * not, so cache reads and writes are taken out of it and reported in their own fields.
 */
export function toMessagesUsage(usage: OpenAIUsage | null | undefined): MessagesUsage {
  if (!usage) return { input_tokens: 0, output_tokens: 0, cache_creation_input_tokens: 0, cache_read_input_tokens: 0 };
  const cacheRead = usage.prompt_tokens_details?.cached_tokens ?? usage.cache_read_input_tokens ?? 0;
  const cacheCreation = usage.prompt_tokens_details?.cache_creation_tokens ?? usage.cache_creation_input_tokens ?? 0;
  return {
    input_tokens: Math.max(0, usage.prompt_tokens - cacheRead - cacheCreation),
    output_tokens: usage.completion_tokens,
    cache_creation_input_tokens: cacheCreation,
    cache_read_input_tokens: cacheRead,
  };
}
