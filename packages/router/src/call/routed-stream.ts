import type { ChatCompletionChunk } from '@tollgate/core';
import type { CallMetadata, ChatCompletionStream } from '@tollgate/providers';
import type { PeekedStream } from '../runtime/peeked-stream.js';

/**
 * The stream the router hands out: the deployment's stream, its first chunk already read by the router, with the
 * providers' `tollgate` metadata and response headers passed through. Single use. A caller that gives up before
 * reading should still call `return()` on its iterator so the deployment's in-flight count is released.
 */
export class RoutedStream implements ChatCompletionStream {
  private iterated = false;

  constructor(
    private readonly chunks: PeekedStream<ChatCompletionChunk>,
    private readonly source: ChatCompletionStream,
  ) {}

  get tollgate(): CallMetadata | undefined {
    return this.source.tollgate;
  }

  get responseHeaders(): Readonly<Record<string, string>> {
    return this.source.responseHeaders ?? {};
  }

  [Symbol.asyncIterator](): AsyncIterator<ChatCompletionChunk> {
    if (this.iterated) throw new Error('A routed stream can be iterated only once.');
    this.iterated = true;
    return this.chunks;
  }
}
