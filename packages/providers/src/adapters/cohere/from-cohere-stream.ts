import { ProviderError, type ChatCompletionChunk, type ChatCompletionDelta } from '@tollgate/core';
import type { AdapterCallContext } from '../../adapter/adapter-call-context.js';
import { ChatChunkFactory } from '../../adapter/chat-chunk-factory.js';
import type { ChatStreamParser } from '../../adapter/chat-stream-parser.js';
import { parseStreamJson } from '../../adapter/parse-stream-json.js';
import type { StreamEvent } from '../../adapter/stream-event.js';
import { cohereStreamEventSchema, type CohereStreamEvent } from './cohere-api.js';
import { toOpenAIUsageFromCohere } from './cohere-usage.js';
import { mapCohereFinishReason } from './map-cohere-finish-reason.js';

/**
 * Cohere v2 stream (https://docs.cohere.com/reference/chat-stream) → OpenAI chunks. `content-delta` carries text
 * or thinking; `tool-call-start` opens a call (id, name) and `tool-call-delta` adds argument fragments;
 * `message-end` gives the finish reason and usage. The `tool_plan` streamed by `tool-plan-delta` has no OpenAI
 * field: it is collected and sent once, in the finish chunk's `delta.provider_specific_fields.tool_plan`.
 */
export class CohereStreamParser implements ChatStreamParser {
  private readonly factory: ChatChunkFactory;
  /** Cohere's tool-call index → OpenAI's (the order calls started in). */
  private readonly toolIndexes = new Map<number, number>();
  private toolPlan = '';

  constructor(private readonly context: AdapterCallContext) {
    this.factory = new ChatChunkFactory(context);
  }

  push(event: StreamEvent): ChatCompletionChunk[] {
    if (event.format !== 'sse' || event.data === '[DONE]') return [];
    const json = parseStreamJson(event.data, this.context);
    const parsed = cohereStreamEventSchema.safeParse(json);
    if (!parsed.success) {
      throw new ProviderError(`${this.context.providerId} sent a malformed stream event`, {
        upstreamStatus: 502,
        body: json,
        provider: this.context.providerId,
        model: this.context.model,
      });
    }
    const streamEvent = parsed.data;
    switch (streamEvent.type ?? event.event) {
      case 'message-start':
        this.factory.setIdentity({ id: streamEvent.id });
        return [this.delta({ role: 'assistant' })];
      case 'content-start':
      case 'content-delta':
        return this.contentDelta(streamEvent);
      case 'tool-plan-delta':
        this.toolPlan += streamEvent.delta?.message?.tool_plan ?? '';
        return [];
      case 'tool-call-start':
        return this.toolCallStart(streamEvent);
      case 'tool-call-delta': {
        const toolIndex = this.toolIndexes.get(streamEvent.index ?? 0);
        const toolCall = streamEvent.delta?.message?.tool_calls;
        const fragment = (toolCall && !Array.isArray(toolCall) ? toolCall.function?.arguments : undefined) ?? '';
        if (toolIndex === undefined || fragment === '') return [];
        return [this.delta({ tool_calls: [{ index: toolIndex, function: { arguments: fragment } }] })];
      }
      case 'message-end':
        return this.messageEnd(streamEvent);
      default:
        // `content-end`, `tool-call-end`, citations and debug events carry nothing to forward.
        return [];
    }
  }

  finish(): ChatCompletionChunk[] {
    return [];
  }

  private delta(delta: ChatCompletionDelta): ChatCompletionChunk {
    return this.factory.chunk({ delta });
  }

  private contentDelta(event: CohereStreamEvent): ChatCompletionChunk[] {
    const content = event.delta?.message?.content;
    if (!content || Array.isArray(content)) return [];
    if (content.thinking) return [this.delta({ reasoning_content: content.thinking })];
    if (content.text) return [this.delta({ content: content.text })];
    return [];
  }

  private toolCallStart(event: CohereStreamEvent): ChatCompletionChunk[] {
    const delta = event.delta?.message?.tool_calls;
    const toolCall = delta && !Array.isArray(delta) ? delta : undefined;
    const toolIndex = this.toolIndexes.size;
    this.toolIndexes.set(event.index ?? toolIndex, toolIndex);
    return [
      this.delta({
        tool_calls: [
          {
            index: toolIndex,
            id: toolCall?.id ?? '',
            type: 'function',
            function: { name: toolCall?.function?.name ?? '', arguments: toolCall?.function?.arguments ?? '' },
          },
        ],
      }),
    ];
  }

  private messageEnd(event: CohereStreamEvent): ChatCompletionChunk[] {
    const error = event.delta?.error;
    if (error) {
      // The stream failed after its 200 status; there is no status of its own, so it is a retryable 500.
      throw new ProviderError(`${this.context.providerId} error: ${error}`, {
        upstreamStatus: 500,
        body: event,
        provider: this.context.providerId,
        model: this.context.model,
      });
    }
    const nativeFinishReason = event.delta?.finish_reason;
    const delta: ChatCompletionDelta = this.toolPlan ? { provider_specific_fields: { tool_plan: this.toolPlan } } : {};
    const chunks = [this.factory.chunk({ delta, finishReason: mapCohereFinishReason(nativeFinishReason), nativeFinishReason })];
    const usage = event.delta?.usage;
    if (usage) chunks.push(this.factory.usageChunk(toOpenAIUsageFromCohere(usage)));
    return chunks;
  }
}
