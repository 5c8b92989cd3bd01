import { ProviderError, type ChatCompletionChunk, type ChatCompletionDelta, type FinishReason, type ResponsesStreamEvent } from '@tollgate/core';
import { chatUsageOf } from './responses-usage-of.js';

/** Turns the events of a streamed Response into chat chunks; `event` returns the chunks each event adds. */
export interface ChatChunksFromResponseEvents {
  event(event: ResponsesStreamEvent): ChatCompletionChunk[];
}

/**
 * The inverse of `createResponsesStreamTranslator`: Responses events (from a deployment that speaks Responses) as
 * chat chunks — role first, then text, refusal, reasoning and tool-call fragments, then the finish reason and a
 * usage chunk. An `error` or `response.failed` event throws a `ProviderError`.
 */
export function chatChunksFromResponseEvents(): ChatChunksFromResponseEvents {
  let id = '';
  let model = '';
  let created = 0;
  const callIndexes = new Map<string, number>();
  const chunk = (delta: ChatCompletionDelta, finishReason: FinishReason | null = null): ChatCompletionChunk => ({
    id,
    object: 'chat.completion.chunk',
    created,
    model,
    choices: [{ index: 0, delta, finish_reason: finishReason }],
  });
  return {
    event(event) {
      switch (event.type) {
        case 'response.created':
          ({ id, model, created_at: created } = event.response);
          return [chunk({ role: 'assistant' })];
        case 'response.output_text.delta':
          return [chunk({ content: event.delta })];
        case 'response.refusal.delta':
          return [chunk({ refusal: event.delta })];
        case 'response.reasoning_summary_text.delta':
          return [chunk({ reasoning_content: event.delta })];
        case 'response.output_item.added': {
          if (event.item.type !== 'function_call') return [];
          const index = callIndexes.size;
          callIndexes.set(event.item.id ?? event.item.call_id, index);
          return [chunk({ tool_calls: [{ index, id: event.item.call_id, type: 'function', function: { name: event.item.name, arguments: event.item.arguments } }] })];
        }
        case 'response.function_call_arguments.delta':
          return [chunk({ tool_calls: [{ index: callIndexes.get(event.item_id) ?? 0, function: { arguments: event.delta } }] })];
        case 'response.completed':
        case 'response.incomplete': {
          const reason = event.response.incomplete_details?.reason;
          const finishReason: FinishReason =
            reason === 'max_output_tokens' ? 'length' : reason === 'content_filter' ? 'content_filter' : callIndexes.size > 0 ? 'tool_calls' : 'stop';
          const finish = chunk({}, finishReason);
          if (!event.response.usage) return [finish];
          return [finish, { ...chunk({}), choices: [], usage: chatUsageOf(event.response.usage) }];
        }
        case 'error':
          throw new ProviderError(event.message ?? event.error?.message ?? 'The provider failed the response.', { upstreamStatus: 200, code: event.code ?? event.error?.code ?? null });
        case 'response.failed':
          throw new ProviderError(event.response.error?.message ?? 'The provider failed the response.', { upstreamStatus: 200, code: event.response.error?.code ?? null });
        default:
          return [];
      }
    },
  };
}
