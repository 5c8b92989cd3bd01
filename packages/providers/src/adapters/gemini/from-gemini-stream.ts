import { ProviderError, type ChatCompletionChunk, type ChatCompletionDelta, type OpenAIUsage } from '@tollgate/core';
import type { AdapterCallContext } from '../../adapter/adapter-call-context.js';
import { ChatChunkFactory } from '../../adapter/chat-chunk-factory.js';
import type { ChatStreamParser } from '../../adapter/chat-stream-parser.js';
import { parseStreamJson } from '../../adapter/parse-stream-json.js';
import type { StreamEvent } from '../../adapter/stream-event.js';
import { geminiResponseSchema, type GeminiCandidate } from './gemini-api.js';
import { geminiStreamError } from './gemini-error.js';
import { toOpenAIUsageFromGemini } from './gemini-usage.js';
import { mapGeminiFinishReason } from './map-gemini-finish-reason.js';
import { mapGeminiParts } from './from-gemini-parts.js';

/** What the parser remembers per candidate (choice). */
interface CandidateState {
  /** Tool calls emitted so far; the next one gets this index. */
  toolCallCount: number;
  /** Whether the `assistant` role was sent. */
  sentRole: boolean;
}

/**
 * Gemini `streamGenerateContent?alt=sse` → OpenAI chunks. Each event is a whole `GenerateContentResponse` holding
 * the next parts; Gemini sends each function call whole, so a call is one tool-call delta with id, name and all
 * its arguments. The finish reason is `tool_calls` when any earlier event of the candidate called a function (the
 * last event often only says `STOP`). `usageMetadata` is cumulative, so only the last one is reported, at the end.
 * An event `{"error": {...}}` is thrown as a typed error.
 */
export class GeminiStreamParser implements ChatStreamParser {
  private readonly factory: ChatChunkFactory;
  private readonly candidates = new Map<number, CandidateState>();
  private usage: OpenAIUsage | undefined;
  private identified = false;

  constructor(private readonly context: AdapterCallContext) {
    this.factory = new ChatChunkFactory(context);
  }

  push(event: StreamEvent): ChatCompletionChunk[] {
    if (event.format !== 'sse' || event.data === '[DONE]' || event.data.trim() === '') return [];
    const json = parseStreamJson(event.data, this.context);
    if (typeof json === 'object' && json !== null && 'error' in json) throw geminiStreamError(json, this.context);
    const parsed = geminiResponseSchema.safeParse(json);
    if (!parsed.success) {
      throw new ProviderError(`${this.context.providerId} sent a stream event that is not a GenerateContentResponse`, {
        upstreamStatus: 502,
        body: json,
        provider: this.context.providerId,
        model: this.context.model,
      });
    }
    const response = parsed.data;
    if (!this.identified) {
      this.factory.setIdentity({ id: response.responseId, model: response.modelVersion });
      this.identified = true;
    }
    if (response.usageMetadata) this.usage = toOpenAIUsageFromGemini(response.usageMetadata);
    const chunks: ChatCompletionChunk[] = [];
    for (const candidate of response.candidates ?? []) chunks.push(...this.candidateChunks(candidate));
    const blockReason = response.promptFeedback?.blockReason;
    if (blockReason && (response.candidates ?? []).length === 0) {
      chunks.push(this.factory.chunk({ delta: { role: 'assistant' }, finishReason: 'content_filter', nativeFinishReason: blockReason }));
    }
    return chunks;
  }

  finish(): ChatCompletionChunk[] {
    return this.usage ? [this.factory.usageChunk(this.usage)] : [];
  }

  private candidateChunks(candidate: GeminiCandidate): ChatCompletionChunk[] {
    const index = candidate.index ?? 0;
    let state = this.candidates.get(index);
    if (!state) {
      state = { toolCallCount: 0, sentRole: false };
      this.candidates.set(index, state);
    }
    const mapped = mapGeminiParts(candidate.content?.parts ?? []);
    const delta: ChatCompletionDelta = {};
    if (!state.sentRole) delta.role = 'assistant';
    if (mapped.reasoning !== '') delta.reasoning_content = mapped.reasoning;
    if (mapped.content !== '') delta.content = mapped.content;
    if (mapped.toolCalls.length > 0) {
      delta.tool_calls = mapped.toolCalls.map((toolCall) => ({ index: state.toolCallCount++, ...toolCall }));
    }
    const chunks: ChatCompletionChunk[] = [];
    if (delta.reasoning_content != null || delta.content != null || delta.tool_calls != null) {
      state.sentRole = true;
      chunks.push(this.factory.chunk({ index, delta }));
    }
    if (candidate.finishReason) {
      const finishReason = mapGeminiFinishReason(candidate.finishReason, { hasToolCalls: state.toolCallCount > 0 });
      chunks.push(
        this.factory.chunk({
          index,
          delta: state.sentRole ? {} : { role: 'assistant' },
          finishReason,
          nativeFinishReason: candidate.finishReason,
        }),
      );
      state.sentRole = true;
    }
    return chunks;
  }
}
