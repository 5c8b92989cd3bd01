import { NdjsonDecoder, NdjsonParseError, ProviderError, SseDecoder, type ChatCompletionChunk } from '@tollgate/core';
import type { AdapterCallContext } from '../adapter/adapter-call-context.js';
import type { ChatStreamParser } from '../adapter/chat-stream-parser.js';
import type { ProviderAdapter } from '../adapter/provider-adapter.js';

/**
 * Provider bytes → OpenAI chunks: decodes SSE or NDJSON (whatever the byte boundaries), hands each event to the
 * adapter's parser, and drops OpenAI's `[DONE]` terminator. Chunks come out as soon as their event is complete.
 */
export async function* decodeProviderStream(
  body: AsyncIterable<Uint8Array>,
  adapter: ProviderAdapter,
  context: AdapterCallContext,
): AsyncGenerator<ChatCompletionChunk> {
  const parser = adapter.createChatStreamParser(context);
  if (adapter.streamFormat === 'sse') {
    const decoder = new SseDecoder();
    for await (const bytes of body) yield* parseSse(decoder.push(bytes), parser);
    yield* parseSse(decoder.flush(), parser);
  } else {
    const decoder = new NdjsonDecoder();
    try {
      for await (const bytes of body) yield* parseNdjson(decoder.push(bytes), parser);
      yield* parseNdjson(decoder.flush(), parser);
    } catch (error) {
      if (!(error instanceof NdjsonParseError)) throw error;
      throw new ProviderError(`${context.providerId} sent a malformed stream line: ${error.message}`, {
        upstreamStatus: 502,
        provider: context.providerId,
        model: context.model,
        cause: error,
      });
    }
  }
  yield* parser.finish();
}

function* parseSse(events: readonly { event?: string; data: string }[], parser: ChatStreamParser): Generator<ChatCompletionChunk> {
  for (const event of events) {
    if (event.data === '[DONE]') continue;
    yield* parser.push({ format: 'sse', event: event.event, data: event.data });
  }
}

function* parseNdjson(values: readonly unknown[], parser: ChatStreamParser): Generator<ChatCompletionChunk> {
  for (const value of values) yield* parser.push({ format: 'ndjson', value });
}
