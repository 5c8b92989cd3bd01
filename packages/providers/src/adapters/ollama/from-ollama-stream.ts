import { ProviderError, type ChatCompletionChunk, type ChatCompletionDelta } from '@tollgate/core';
import type { AdapterCallContext } from '../../adapter/adapter-call-context.js';
import { ChatChunkFactory } from '../../adapter/chat-chunk-factory.js';
import type { ChatStreamParser } from '../../adapter/chat-stream-parser.js';
import type { StreamEvent } from '../../adapter/stream-event.js';
import { ollamaChatResponseSchema } from './ollama-api.js';
import { ollamaStreamError } from './ollama-error.js';
import { toOpenAIUsageFromOllama } from './ollama-usage.js';
import { mapOllamaFinishReason } from './map-ollama-finish-reason.js';
import { fromOllamaToolCalls } from './from-ollama-tool-calls.js';

/**
 * Ollama NDJSON stream → OpenAI chunks. Each `done: false` line adds `thinking` and `content` text and possibly
 * whole tool calls (Ollama never splits arguments, and calls may come on any line, so they are numbered across
 * the stream); the `done: true` line gives `done_reason` and the counters. An `{"error": "..."}` line is thrown.
 */
export class OllamaStreamParser implements ChatStreamParser {
  private readonly factory: ChatChunkFactory;
  private toolCallCount = 0;
  private sentRole = false;

  constructor(private readonly context: AdapterCallContext) {
    this.factory = new ChatChunkFactory(context);
  }

  push(event: StreamEvent): ChatCompletionChunk[] {
    if (event.format !== 'ndjson') return [];
    const value = event.value;
    if (typeof value === 'object' && value !== null && 'error' in value) throw ollamaStreamError(value, this.context);
    const parsed = ollamaChatResponseSchema.safeParse(value);
    if (!parsed.success) {
      throw new ProviderError(`${this.context.providerId} sent a malformed stream line`, {
        upstreamStatus: 502,
        body: value,
        provider: this.context.providerId,
        model: this.context.model,
      });
    }
    const line = parsed.data;
    if (!this.sentRole) this.factory.setIdentity({ model: line.model });

    const delta: ChatCompletionDelta = {};
    if (line.message?.thinking) delta.reasoning_content = line.message.thinking;
    if (line.message?.content) delta.content = line.message.content;
    const toolCalls = fromOllamaToolCalls(line.message?.tool_calls ?? []);
    if (toolCalls.length > 0) delta.tool_calls = toolCalls.map((toolCall) => ({ index: this.toolCallCount++, ...toolCall }));

    const chunks: ChatCompletionChunk[] = [];
    if (delta.reasoning_content != null || delta.content != null || delta.tool_calls != null) {
      chunks.push(this.factory.chunk({ delta: this.withRole(delta) }));
    }
    if (line.done) {
      chunks.push(
        this.factory.chunk({
          delta: this.withRole({}),
          finishReason: mapOllamaFinishReason(line.done_reason, { hasToolCalls: this.toolCallCount > 0 }),
          nativeFinishReason: line.done_reason,
        }),
        this.factory.usageChunk(toOpenAIUsageFromOllama(line)),
      );
    }
    return chunks;
  }

  finish(): ChatCompletionChunk[] {
    return [];
  }

  /** The first chunk of the stream names the role, as OpenAI's does. */
  private withRole(delta: ChatCompletionDelta): ChatCompletionDelta {
    if (this.sentRole) return delta;
    this.sentRole = true;
    return { role: 'assistant', ...delta };
  }
}
