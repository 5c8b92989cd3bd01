import type { ChatCompletionChunk } from '@tollgate/core';
import type { CallMetadata } from './call-metadata.js';

/**
 * A streamed chat completion: an async iterable of OpenAI `chat.completion.chunk`s, single use. `completion()`
 * resolves it once the first chunk is ready, so connection, auth and early provider errors are thrown by the
 * `await` (and retried) rather than by the loop. Leaving the loop early closes the upstream connection.
 */
export interface ChatCompletionStream extends AsyncIterable<ChatCompletionChunk> {
  /**
   * The call's metadata (provider, usage, `costUsd`, warnings), available once the stream has ended; undefined
   * before. With `stream_options.include_usage`, the final usage chunk carries the same object as its
   * non-enumerable `tollgate` property.
   */
  readonly tollgate: CallMetadata | undefined;
  /** The provider's response headers (empty for local answers). */
  readonly responseHeaders: Readonly<Record<string, string>>;
}

/** What `createChatCompletionStream` wraps. */
export interface ChatCompletionStreamParts {
  /** The chunk source, already advanced once. */
  readonly iterator: AsyncIterator<ChatCompletionChunk>;
  /** The result of that first `next()`. */
  readonly first: IteratorResult<ChatCompletionChunk>;
  readonly responseHeaders: Readonly<Record<string, string>>;
  /** Reads the metadata once the source has ended. */
  readonly metadata: () => CallMetadata | undefined;
}

/** Wraps a prefetched chunk iterator as a `ChatCompletionStream`. */
export function createChatCompletionStream(parts: ChatCompletionStreamParts): ChatCompletionStream {
  let started = false;
  return {
    get tollgate() {
      return parts.metadata();
    },
    responseHeaders: parts.responseHeaders,
    [Symbol.asyncIterator](): AsyncIterator<ChatCompletionChunk> {
      if (started) throw new Error('A ChatCompletionStream can be iterated only once.');
      started = true;
      let pending: IteratorResult<ChatCompletionChunk> | undefined = parts.first;
      return {
        next() {
          if (pending) {
            const result = pending;
            pending = undefined;
            return Promise.resolve(result);
          }
          return parts.iterator.next();
        },
        async return(value?: unknown) {
          pending = undefined;
          await parts.iterator.return?.(value);
          return { done: true, value: undefined };
        },
      };
    },
  };
}
