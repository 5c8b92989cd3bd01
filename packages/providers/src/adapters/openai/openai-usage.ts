import type { OpenAIUsage } from '@tollgate/core';
import { makeOpenAIUsage } from '../../adapter/make-openai-usage.js';
import type { OpenAIWireUsage } from './openai-api.js';
import type { OpenAIDialectQuirks } from './openai-dialect.js';

/**
 * OpenAI-format usage from an OpenAI-dialect report: prompt/completion totals, `cached_tokens` (or the provider's
 * own counter via `quirks.cachedTokensOf`), `reasoning_tokens`, both always present. Other detail fields
 * (audio, prediction tokens) are kept as reported.
 */
export function toOpenAIUsage(wire: OpenAIWireUsage, quirks?: OpenAIDialectQuirks): OpenAIUsage {
  const promptTokens = nonNegative(wire.prompt_tokens);
  const completionTokens =
    wire.completion_tokens != null
      ? nonNegative(wire.completion_tokens)
      : Math.max(0, nonNegative(wire.total_tokens) - promptTokens);
  const usage = makeOpenAIUsage({
    promptTokens,
    completionTokens,
    cachedTokens: nonNegative(wire.prompt_tokens_details?.cached_tokens ?? quirks?.cachedTokensOf?.(wire)),
    reasoningTokens: nonNegative(wire.completion_tokens_details?.reasoning_tokens),
  });
  usage.prompt_tokens_details = { ...wire.prompt_tokens_details, ...usage.prompt_tokens_details };
  usage.completion_tokens_details = { ...wire.completion_tokens_details, ...usage.completion_tokens_details };
  return usage;
}

function nonNegative(value: number | null | undefined): number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? Math.round(value) : 0;
}
