import type { OpenAIUsage } from '@tollgate/core';
import { makeOpenAIUsage } from '../../adapter/make-openai-usage.js';
import type { CohereUsage } from './cohere-api.js';

/**
 * Cohere usage → OpenAI usage. `prompt_tokens`/`completion_tokens` are the model's real counts (`usage.tokens`,
 * which include the system preamble Cohere adds), falling back to `billed_units`; `cached_tokens` is part of the
 * input. Cohere bills `billed_units`, which can be far lower, so they are kept verbatim as `usage.billed_units`
 * for accounting that prices Cohere by what it bills.
 */
export function toOpenAIUsageFromCohere(usage: CohereUsage): OpenAIUsage {
  const openAIUsage = makeOpenAIUsage({
    promptTokens: usage.tokens?.input_tokens ?? usage.billed_units?.input_tokens ?? 0,
    completionTokens: usage.tokens?.output_tokens ?? usage.billed_units?.output_tokens ?? 0,
    cachedTokens: usage.cached_tokens ?? 0,
  });
  if (usage.billed_units) {
    openAIUsage['billed_units'] = {
      input_tokens: usage.billed_units.input_tokens ?? 0,
      output_tokens: usage.billed_units.output_tokens ?? 0,
    };
  }
  return openAIUsage;
}
