import type { OpenAIUsage, ResponsesUsage } from '@tollgate/core';

/** Chat usage in Responses' names (cached and reasoning details always present, as OpenAI sends them). */
export function responsesUsageOf(usage: OpenAIUsage, costUsd?: number | null): ResponsesUsage {
  return {
    input_tokens: usage.prompt_tokens,
    input_tokens_details: { cached_tokens: usage.prompt_tokens_details?.cached_tokens ?? usage.cache_read_input_tokens ?? 0 },
    output_tokens: usage.completion_tokens,
    output_tokens_details: { reasoning_tokens: usage.completion_tokens_details?.reasoning_tokens ?? 0 },
    total_tokens: usage.total_tokens,
    ...(costUsd == null ? {} : { cost: costUsd }),
  };
}

/** Responses usage in chat's names. */
export function chatUsageOf(usage: ResponsesUsage): OpenAIUsage {
  return {
    prompt_tokens: usage.input_tokens,
    completion_tokens: usage.output_tokens,
    total_tokens: usage.total_tokens,
    prompt_tokens_details: { cached_tokens: usage.input_tokens_details.cached_tokens },
    completion_tokens_details: { reasoning_tokens: usage.output_tokens_details.reasoning_tokens },
  };
}
