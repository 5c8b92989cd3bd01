import type { ChatCompletionRequest, OpenAIUsage } from '@tollgate/core';
import { countTokens } from '@tollgate/pricing';
import { makeOpenAIUsage } from '../adapter/make-openai-usage.js';

/**
 * Usage counted by Tollgate for a provider that reported none (some self-hosted servers, cut streams): the
 * prompt with the model's tokenizer (an o200k estimate for non-OpenAI models), and the output text.
 * Falls back to four characters per token should counting fail.
 */
export function estimateUsage(options: { model: string; request: ChatCompletionRequest; outputText: string }): OpenAIUsage {
  let promptTokens: number;
  let completionTokens: number;
  try {
    promptTokens = countTokens({
      model: options.model,
      messages: options.request.messages,
      tools: options.request.tools ?? null,
    }).tokens;
    completionTokens = countTokens({ model: options.model, text: options.outputText }).tokens;
  } catch {
    promptTokens = Math.ceil(JSON.stringify(options.request.messages).length / 4);
    completionTokens = Math.ceil(options.outputText.length / 4);
  }
  return makeOpenAIUsage({ promptTokens, completionTokens });
}
