import type { ChatCompletionChunk, MessagesStreamEvent } from '@tollgate/core';
import { AnthropicStreamParser } from '../../adapters/anthropic/from-anthropic-stream.js';
import { translationContext } from './translation-context.js';

/**
 * Anthropic stream events → OpenAI chat chunks, by the Anthropic adapter's own stream parser: one instance per
 * stream. An `error` event is thrown as the matching Tollgate error.
 */
export class MessagesEventsToChatChunks {
  private readonly parser: AnthropicStreamParser;

  constructor(options: { model: string; created?: number }) {
    this.parser = new AnthropicStreamParser(translationContext(options.model, true, options.created));
  }

  push(event: MessagesStreamEvent): ChatCompletionChunk[] {
    return this.parser.push({ format: 'sse', event: event.type, data: JSON.stringify(event) });
  }
}
