import { NdjsonDecoder, NdjsonParseError, ProviderError, SseDecoder, type ChatCompletionChunk } from '@tollgate/core';
import type { AdapterCallContext } from '../adapter/adapter-call-context.js';
import type { ChatStreamParser } from '../adapter/chat-stream-parser.js';
import type { ProviderAdapter } from '../adapter/provider-adapter.js';
import type { ChunkStage } from './normalize-stream-usage.js';

/**
 * Provider bytes → OpenAI chunks: decodes SSE or NDJSON (whatever the byte boundaries), hands each event to the
 * adapter's parser, and drops OpenAI's `[DONE]` terminator. Chunks come out as soon as their event is complete,
 * through `stage` when one is given (applied here, in the same loop, rather than as one more async layer per chunk).
 */
export async function* decodeProviderStream(
  body: AsyncIterable<Uint8Array>,
  adapter: ProviderAdapter,
  context: AdapterCallContext,
  stage?: ChunkStage,
): AsyncGenerator<ChatCompletionChunk> {
  const parser = adapter.createChatStreamParser(context);
  if (adapter.streamFormat === 'sse') {
    const decoder = new SseDecoder();
    for await (const bytes of body) yield* through(stage, parseSse(decoder.push(bytes), parser));
    yield* through(stage, parseSse(decoder.flush(), parser));
  } else {
    const decoder = new NdjsonDecoder();
    try {
      for await (const bytes of body) yield* through(stage, parseNdjson(decoder.push(bytes), parser));
      yield* through(stage, parseNdjson(decoder.flush(), parser));
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
  yield* through(stage, parser.finish());
  const final = stage?.finish();
  if (final) yield final;
}

function* through(stage: ChunkStage | undefined, chunks: Iterable<ChatCompletionChunk>): Generator<ChatCompletionChunk> {
  if (stage === undefined) {
    yield* chunks;
    return;
  }
  for (const chunk of chunks) {
    const passed = stage.push(chunk);
    if (passed) yield passed;
  }
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
