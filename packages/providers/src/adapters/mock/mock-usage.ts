import type { ChatCompletionRequest, OpenAIUsage } from '@tollgate/core';
import { makeOpenAIUsage } from '../../adapter/make-openai-usage.js';

/** About four characters per token: the usual rule of thumb, deterministic and free of a tokenizer load. */
const CHARACTERS_PER_TOKEN = 4;

/** Tokens of a text, estimated. */
export function estimateTokens(text: string): number {
  return Math.ceil(text.length / CHARACTERS_PER_TOKEN);
}

/** Usage of a mock call: the prompt's JSON and the reply's text (and tool calls, reasoning), estimated. */
export function mockUsage(request: Pick<ChatCompletionRequest, 'messages' | 'tools'>, outputText: string, reasoningText: string): OpenAIUsage {
  const promptTokens = estimateTokens(JSON.stringify(request.messages)) + estimateTokens(JSON.stringify(request.tools ?? []));
  const reasoningTokens = estimateTokens(reasoningText);
  return makeOpenAIUsage({
    promptTokens,
    completionTokens: estimateTokens(outputText) + reasoningTokens,
    reasoningTokens,
  });
}
