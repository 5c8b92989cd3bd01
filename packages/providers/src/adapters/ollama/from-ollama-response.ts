import { ProviderError, type ChatCompletion, type ResponseMessage } from '@tollgate/core';
import type { AdapterCallContext } from '../../adapter/adapter-call-context.js';
import { buildChatCompletion } from '../../adapter/build-chat-completion.js';
import { ollamaChatResponseSchema } from './ollama-api.js';
import { toOpenAIUsageFromOllama } from './ollama-usage.js';
import { mapOllamaFinishReason } from './map-ollama-finish-reason.js';
import { fromOllamaToolCalls, ollamaCreatedSeconds } from './from-ollama-tool-calls.js';

/**
 * A `/api/chat` response (`stream: false`) → OpenAI chat completion: `message.thinking` → `reasoning_content`,
 * tool calls with synthesized ids and stringified arguments, counters → usage. Empty content is null, as
 * OpenAI reports a reply that only calls tools.
 */
export function fromOllamaResponse(body: unknown, context: AdapterCallContext): ChatCompletion {
  const parsed = ollamaChatResponseSchema.safeParse(body);
  if (!parsed.success) {
    throw new ProviderError(`${context.providerId} sent a response that is not a chat response`, {
      upstreamStatus: 502,
      body,
      provider: context.providerId,
      model: context.model,
      cause: parsed.error,
    });
  }
  const response = parsed.data;
  const toolCalls = fromOllamaToolCalls(response.message?.tool_calls ?? []);
  const message: ResponseMessage = { role: 'assistant', content: response.message?.content || null };
  if (response.message?.thinking) message.reasoning_content = response.message.thinking;
  if (toolCalls.length > 0) message.tool_calls = toolCalls;
  return buildChatCompletion({
    context,
    model: response.model,
    created: ollamaCreatedSeconds(response.created_at) ?? null,
    choices: [
      {
        message,
        finishReason: mapOllamaFinishReason(response.done_reason, { hasToolCalls: toolCalls.length > 0 }),
        nativeFinishReason: response.done_reason,
      },
    ],
    usage: toOpenAIUsageFromOllama(response),
  });
}
