import type { MessagesRequest, MessagesStreamEvent } from '@tollgate/core';
import { ChatChunksToMessagesEvents, chatCompletionToMessagesResponse } from '@tollgate/providers';
import type { ChatAnswerFormat } from '../chat-call/chat-answer-format.js';
import { anthropicErrorBody } from './anthropic-error-body.js';

/** Anthropic's SSE framing: the event type named twice, as its servers and SDKs do. */
function frames(events: readonly MessagesStreamEvent[]): string {
  let text = '';
  for (const event of events) text += `event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`;
  return text;
}

/**
 * `POST /v1/messages`' format: the chat answer as an Anthropic message, or as Anthropic's stream events
 * (`message_start` … `message_stop`, a `ping` after the start as Anthropic sends one); usage is what was booked,
 * cache reads and writes in their own fields, with the cost on `message_delta`; a failure after the start is an
 * `error` event.
 */
export function anthropicMessagesFormat(request: MessagesRequest, options: { inputTokens: number }): ChatAnswerFormat {
  return {
    completion: (result) => chatCompletionToMessagesResponse(result, request),
    openStream: () => {
      const events = new ChatChunksToMessagesEvents({ model: request.model, stopSequences: request.stop_sequences, inputTokens: options.inputTokens });
      return {
        chunk: (chunk) => {
          const started = events.hasStarted;
          const produced = events.push(chunk);
          if (!started) produced.splice(1, 0, { type: 'ping' });
          return frames(produced);
        },
        end: ({ usage, settlement }) => {
          const closing = events.finish(usage);
          // What the call cost, on the final usage as the chat format reports it (LiteLLM's `usage.cost`).
          for (const event of closing) {
            if (event.type === 'message_delta' && settlement.costUsd !== null) event.usage['cost'] = settlement.costUsd;
          }
          return frames(closing);
        },
        error: (error) => `event: error\ndata: ${JSON.stringify(anthropicErrorBody(error))}\n\n`,
      };
    },
  };
}
