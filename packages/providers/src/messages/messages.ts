import { parseMessagesRequest, type MessagesRequest, type MessagesResponse, type MessagesStreamEvent, type OpenAIUsage } from '@tollgate/core';
import type { CallOptions } from '../completion/call-options.js';
import type { CallMetadata } from '../completion/call-metadata.js';
import { completion } from '../completion/completion.js';
import { resolveProvider } from '../registry/resolve-provider.js';
import { ChatChunksToMessagesEvents } from '../translate/messages/chat-chunks-to-messages-events.js';
import { chatCompletionToMessagesResponse } from '../translate/messages/chat-completion-to-messages-response.js';
import { messagesToChatRequest } from '../translate/messages/messages-to-chat-request.js';

/** A Messages reply with what the call cost and where it went. */
export type MessagesResult = MessagesResponse & { readonly tollgate: CallMetadata | undefined };

/** A streamed Messages reply: Anthropic's events, `message_start` … `message_stop`. */
export interface MessagesEventStream extends AsyncIterable<MessagesStreamEvent> {
  /** Known once the stream has ended. */
  readonly tollgate: CallMetadata | undefined;
}

/**
 * One call in Anthropic's Messages format, to any provider: the request is translated to a chat request (Anthropic's
 * own fields kept when the model is Anthropic's), sent by {@link completion}, and the answer translated back —
 * a message, or with `stream: true` Anthropic's stream events.
 */
export function messages(request: MessagesRequest & { stream: true }, options?: CallOptions): Promise<MessagesEventStream>;
export function messages(request: MessagesRequest & { stream?: false | null }, options?: CallOptions): Promise<MessagesResult>;
export function messages(request: MessagesRequest, options?: CallOptions): Promise<MessagesResult | MessagesEventStream>;
export async function messages(input: MessagesRequest, options: CallOptions = {}): Promise<MessagesResult | MessagesEventStream> {
  const request = parseMessagesRequest(input);
  const nativeAnthropic = resolveProvider(request.model).adapter.id === 'anthropic';
  const chat = messagesToChatRequest(request, { nativeAnthropic });
  if (chat.stream !== true) {
    const result = await completion({ ...chat, stream: false }, options);
    return Object.assign(chatCompletionToMessagesResponse(result, request), { tollgate: result.tollgate });
  }
  const stream = await completion({ ...chat, stream: true }, options);
  const translator = new ChatChunksToMessagesEvents({ model: request.model, stopSequences: request.stop_sequences });
  return {
    get tollgate() {
      return stream.tollgate;
    },
    async *[Symbol.asyncIterator]() {
      let usage: OpenAIUsage | null | undefined;
      for await (const chunk of stream) {
        if (chunk.usage) usage = chunk.usage;
        yield* translator.push(chunk);
      }
      yield* translator.finish(usage ?? stream.tollgate?.usage);
    },
  };
}
