import type { ChatCompletionChunk } from '@tollgate/core';
import type { CallMetadata } from '@tollgate/providers';
import type { PeekedStream } from '../runtime/peeked-stream.js';

/**
 * The stream the router hands out: the deployment's stream (chat chunks, or Responses events), its first item already
 * read by the router, with the providers' `tollgate` metadata and response headers passed through. Single use. A
 * caller that gives up before reading should still call `return()` on its iterator so the deployment's in-flight
 * count is released.
 */
export class RoutedStream<Item = ChatCompletionChunk> implements AsyncIterable<Item> {
  private iterated = false;

  constructor(
    private readonly chunks: PeekedStream<Item>,
    private readonly source: ProviderStream<Item>,
  ) {}

  get tollgate(): CallMetadata | undefined {
    return this.source.tollgate;
  }

  get responseHeaders(): Readonly<Record<string, string>> {
    return this.source.responseHeaders ?? {};
  }

  [Symbol.asyncIterator](): AsyncIterator<Item> {
    if (this.iterated) throw new Error('A routed stream can be iterated only once.');
    this.iterated = true;
    return this.chunks;
  }
}

/** A providers stream: its items, and the call's metadata once it has ended. */
export interface ProviderStream<Item> extends AsyncIterable<Item> {
  readonly tollgate: CallMetadata | undefined;
  readonly responseHeaders?: Readonly<Record<string, string>>;
}
