import type { OpenAIUsage } from './openai-usage.js';

/**
 * The one usage shape accounting prices without guessing: every token in exactly one bucket.
 * `inputTokens = uncachedInputTokens + cacheReadTokens + cacheWriteTokens`,
 * `outputTokens = textOutputTokens + reasoningTokens`.
 */
export interface TokenUsage {
  /** Input tokens billed at the normal input rate. */
  uncachedInputTokens: number;
  /** Input tokens read from the prompt cache. */
  cacheReadTokens: number;
  /** Input tokens written to the prompt cache. */
  cacheWriteTokens: number;
  /** Output tokens that are not reasoning. */
  textOutputTokens: number;
  /** Output tokens spent on reasoning/thinking. */
  reasoningTokens: number;
}

/** Total input tokens of a usage (all three input buckets). */
export function inputTokensOf(usage: TokenUsage): number {
  return usage.uncachedInputTokens + usage.cacheReadTokens + usage.cacheWriteTokens;
}

/** Total output tokens of a usage (text and reasoning). */
export function outputTokensOf(usage: TokenUsage): number {
  return usage.textOutputTokens + usage.reasoningTokens;
}

/**
 * Splits OpenAI-format usage into buckets. `prompt_tokens` includes cached and cache-written tokens (OpenAI's
 * convention, which every adapter follows), `completion_tokens` includes reasoning tokens. Counts that claim more
 * than the total are clamped, so a provider's inconsistent report never yields a negative bucket.
 */
export function toTokenUsage(usage: OpenAIUsage): TokenUsage {
  const promptTokens = usage.prompt_tokens;
  const cacheRead = Math.min(
    usage.prompt_tokens_details?.cached_tokens ?? usage.cache_read_input_tokens ?? 0,
    promptTokens,
  );
  const cacheWrite = Math.min(
    usage.prompt_tokens_details?.cache_creation_tokens ?? usage.cache_creation_input_tokens ?? 0,
    promptTokens - cacheRead,
  );
  const reasoning = Math.min(usage.completion_tokens_details?.reasoning_tokens ?? 0, usage.completion_tokens);
  return {
    uncachedInputTokens: promptTokens - cacheRead - cacheWrite,
    cacheReadTokens: cacheRead,
    cacheWriteTokens: cacheWrite,
    textOutputTokens: usage.completion_tokens - reasoning,
    reasoningTokens: reasoning,
  };
}
