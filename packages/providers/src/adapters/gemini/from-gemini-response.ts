import { ProviderError, type ChatCompletion, type ResponseMessage } from '@tollgate/core';
import type { AdapterCallContext } from '../../adapter/adapter-call-context.js';
import { buildChatCompletion, type CompletionChoiceInput } from '../../adapter/build-chat-completion.js';
import { geminiResponseSchema, type GeminiCandidate } from './gemini-api.js';
import { toOpenAIUsageFromGemini } from './gemini-usage.js';
import { mapGeminiFinishReason } from './map-gemini-finish-reason.js';
import { mapGeminiParts } from './from-gemini-parts.js';

function toChoice(candidate: GeminiCandidate): CompletionChoiceInput {
  const mapped = mapGeminiParts(candidate.content?.parts ?? []);
  const message: ResponseMessage = { role: 'assistant', content: mapped.content === '' ? null : mapped.content };
  if (mapped.reasoning !== '') message.reasoning_content = mapped.reasoning;
  if (mapped.toolCalls.length > 0) message.tool_calls = mapped.toolCalls;
  return {
    message,
    finishReason: mapGeminiFinishReason(candidate.finishReason, { hasToolCalls: mapped.toolCalls.length > 0 }),
    nativeFinishReason: candidate.finishReason,
  };
}

/**
 * A `GenerateContentResponse` → OpenAI chat completion: one choice per candidate, thought parts as
 * `reasoning_content`, function calls as `tool_calls`. A blocked prompt (no candidates, `promptFeedback.blockReason`)
 * is an empty `content_filter` choice, as OpenAI reports filtered output.
 */
export function fromGeminiResponse(body: unknown, context: AdapterCallContext): ChatCompletion {
  const parsed = geminiResponseSchema.safeParse(body);
  if (!parsed.success) {
    throw new ProviderError(`${context.providerId} sent a response that is not a GenerateContentResponse`, {
      upstreamStatus: 502,
      body,
      provider: context.providerId,
      model: context.model,
      cause: parsed.error,
    });
  }
  const response = parsed.data;
  const candidates = [...(response.candidates ?? [])].sort((a, b) => (a.index ?? 0) - (b.index ?? 0));
  const blockReason = response.promptFeedback?.blockReason;
  const choices: CompletionChoiceInput[] =
    candidates.length > 0
      ? candidates.map(toChoice)
      : [{ message: { role: 'assistant', content: null }, finishReason: blockReason ? 'content_filter' : 'stop', nativeFinishReason: blockReason }];
  return buildChatCompletion({
    context,
    id: response.responseId,
    model: response.modelVersion,
    choices,
    usage: response.usageMetadata ? toOpenAIUsageFromGemini(response.usageMetadata) : null,
  });
}
