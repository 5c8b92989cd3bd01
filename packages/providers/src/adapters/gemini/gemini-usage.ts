import type { OpenAIUsage } from '@tollgate/core';
import { makeOpenAIUsage } from '../../adapter/make-openai-usage.js';
import type { GeminiUsageMetadata } from './gemini-api.js';

/**
 * Gemini `usageMetadata` → OpenAI usage. Thinking tokens are billed as output but reported apart from
 * `candidatesTokenCount`, so completion tokens are candidates + thoughts, with thoughts as `reasoning_tokens`.
 * `promptTokenCount` already includes cached tokens (`cachedContentTokenCount`); built-in tool prompt tokens are
 * input too. (https://ai.google.dev/api/generate-content#UsageMetadata)
 */
export function toOpenAIUsageFromGemini(usage: GeminiUsageMetadata): OpenAIUsage {
  const thoughts = usage.thoughtsTokenCount ?? 0;
  return makeOpenAIUsage({
    promptTokens: (usage.promptTokenCount ?? 0) + (usage.toolUsePromptTokenCount ?? 0),
    completionTokens: (usage.candidatesTokenCount ?? 0) + thoughts,
    cachedTokens: usage.cachedContentTokenCount ?? 0,
    reasoningTokens: thoughts,
  });
}
