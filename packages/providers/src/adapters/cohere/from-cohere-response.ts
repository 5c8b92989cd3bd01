import { ProviderError, type ChatCompletion, type ResponseMessage } from '@tollgate/core';
import type { AdapterCallContext } from '../../adapter/adapter-call-context.js';
import { buildChatCompletion } from '../../adapter/build-chat-completion.js';
import { cohereChatResponseSchema } from './cohere-api.js';
import { toOpenAIUsageFromCohere } from './cohere-usage.js';
import { mapCohereFinishReason } from './map-cohere-finish-reason.js';

/**
 * A v2 chat response → OpenAI chat completion: text blocks joined into `content`, thinking blocks into
 * `reasoning_content`, tool calls as they are (Cohere's are OpenAI-shaped). The `tool_plan` has no OpenAI field;
 * it is kept in `message.provider_specific_fields.tool_plan`.
 */
export function fromCohereResponse(body: unknown, context: AdapterCallContext): ChatCompletion {
  const parsed = cohereChatResponseSchema.safeParse(body);
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
  const blocks = response.message?.content ?? [];
  const text = blocks.filter((block) => block.type !== 'thinking').map((block) => block.text ?? '').join('');
  const reasoning = blocks.filter((block) => block.type === 'thinking').map((block) => block.thinking ?? '').join('');
  const message: ResponseMessage = { role: 'assistant', content: text === '' ? null : text };
  if (reasoning !== '') message.reasoning_content = reasoning;
  const toolCalls = response.message?.tool_calls ?? [];
  if (toolCalls.length > 0) {
    message.tool_calls = toolCalls.map((toolCall) => ({
      id: toolCall.id ?? '',
      type: 'function',
      function: { name: toolCall.function?.name ?? '', arguments: toolCall.function?.arguments ?? '{}' },
    }));
  }
  const toolPlan = response.message?.tool_plan;
  if (toolPlan) message['provider_specific_fields'] = { tool_plan: toolPlan };
  return buildChatCompletion({
    context,
    id: response.id,
    choices: [{ message, finishReason: mapCohereFinishReason(response.finish_reason), nativeFinishReason: response.finish_reason }],
    usage: response.usage ? toOpenAIUsageFromCohere(response.usage) : null,
  });
}
