import { ProviderError, type ChatCompletionChunk, type ChatCompletionDelta } from '@tollgate/core';
import type { AdapterCallContext } from '../../adapter/adapter-call-context.js';
import { ChatChunkFactory } from '../../adapter/chat-chunk-factory.js';
import type { ChatStreamParser } from '../../adapter/chat-stream-parser.js';
import { parseStreamJson } from '../../adapter/parse-stream-json.js';
import type { StreamEvent } from '../../adapter/stream-event.js';
import { anthropicStreamEventSchema, type AnthropicStreamEvent, type AnthropicUsage } from './anthropic-api.js';
import { anthropicStreamError } from './anthropic-error.js';
import { mergeAnthropicUsage, toOpenAIUsageFromAnthropic } from './anthropic-usage.js';
import { mapAnthropicFinishReason } from './map-anthropic-finish-reason.js';
import { RESPONSE_FORMAT_TOOL_NAME } from './to-anthropic-tools.js';

/** What the parser remembers about each open content block, by Anthropic's block index. */
type BlockState =
  | { kind: 'text' }
  | { kind: 'thinking'; thinking: string; signature: string }
  | { kind: 'redacted_thinking'; data: string }
  | { kind: 'tool_use'; toolIndex: number; sentArguments: boolean }
  /** The synthetic `response_format` tool: its input JSON is streamed as content. */
  | { kind: 'json_reply' }
  | { kind: 'ignored' };

/**
 * Anthropic stream (https://docs.anthropic.com/en/docs/build-with-claude/streaming) → OpenAI chunks.
 * `message_start` gives id, model and first usage; text/thinking deltas become `content`/`reasoning_content`;
 * each `tool_use` block becomes a tool call numbered in order of appearance, its `input_json_delta` fragments
 * becoming argument deltas; a completed thinking block is emitted whole in `thinking_blocks` with its signature;
 * `message_delta` gives the finish reason and final usage; an `error` event is thrown as a typed error.
 */
export class AnthropicStreamParser implements ChatStreamParser {
  private readonly factory: ChatChunkFactory;
  private readonly blocks = new Map<number, BlockState>();
  private usage: AnthropicUsage = {};
  private nextToolIndex = 0;
  private sawJsonReply = false;

  constructor(private readonly context: AdapterCallContext) {
    this.factory = new ChatChunkFactory(context);
  }

  push(event: StreamEvent): ChatCompletionChunk[] {
    if (event.format !== 'sse' || event.data === '[DONE]') return [];
    const json = parseStreamJson(event.data, this.context);
    const parsed = anthropicStreamEventSchema.safeParse(json);
    if (!parsed.success) {
      throw new ProviderError(`${this.context.providerId} sent a stream event without a type`, {
        upstreamStatus: 502,
        body: json,
        provider: this.context.providerId,
        model: this.context.model,
      });
    }
    const streamEvent = parsed.data;
    switch (streamEvent.type) {
      case 'message_start':
        this.factory.setIdentity({ id: streamEvent.message?.id, model: streamEvent.message?.model });
        this.usage = streamEvent.message?.usage ?? {};
        return [this.delta({ role: 'assistant' })];
      case 'content_block_start':
        return this.startBlock(streamEvent);
      case 'content_block_delta':
        return this.blockDelta(streamEvent);
      case 'content_block_stop':
        return this.stopBlock(streamEvent.index ?? 0);
      case 'message_delta':
        return this.messageDelta(streamEvent);
      case 'error':
        throw anthropicStreamError(json, this.context);
      default:
        // `ping`, `message_stop` and event types added after this was written carry nothing to forward.
        return [];
    }
  }

  finish(): ChatCompletionChunk[] {
    return [];
  }

  private delta(delta: ChatCompletionDelta): ChatCompletionChunk {
    return this.factory.chunk({ delta });
  }

  private startBlock(event: AnthropicStreamEvent): ChatCompletionChunk[] {
    const index = event.index ?? 0;
    const block = event.content_block;
    switch (block?.type) {
      case 'text':
        this.blocks.set(index, { kind: 'text' });
        return block.text ? [this.delta({ content: block.text })] : [];
      case 'thinking':
        this.blocks.set(index, { kind: 'thinking', thinking: block.thinking ?? '', signature: block.signature ?? '' });
        return block.thinking ? [this.delta({ reasoning_content: block.thinking })] : [];
      case 'redacted_thinking':
        this.blocks.set(index, { kind: 'redacted_thinking', data: block.data ?? '' });
        return [];
      case 'tool_use': {
        if (block.name === RESPONSE_FORMAT_TOOL_NAME) {
          this.sawJsonReply = true;
          this.blocks.set(index, { kind: 'json_reply' });
          return [];
        }
        const toolIndex = this.nextToolIndex++;
        // Anthropic starts every tool_use with `input: {}` and streams the real input as JSON fragments.
        const input = block.input;
        const initialArguments =
          typeof input === 'object' && input !== null && Object.keys(input).length > 0 ? JSON.stringify(input) : '';
        this.blocks.set(index, { kind: 'tool_use', toolIndex, sentArguments: initialArguments !== '' });
        return [
          this.delta({
            tool_calls: [
              { index: toolIndex, id: block.id ?? '', type: 'function', function: { name: block.name ?? '', arguments: initialArguments } },
            ],
          }),
        ];
      }
      default:
        this.blocks.set(index, { kind: 'ignored' });
        return [];
    }
  }

  private blockDelta(event: AnthropicStreamEvent): ChatCompletionChunk[] {
    const state = this.blocks.get(event.index ?? 0);
    const delta = event.delta;
    if (!state || !delta) return [];
    switch (delta.type) {
      case 'text_delta':
        return delta.text ? [this.delta({ content: delta.text })] : [];
      case 'thinking_delta':
        if (state.kind !== 'thinking' || !delta.thinking) return [];
        state.thinking += delta.thinking;
        return [this.delta({ reasoning_content: delta.thinking })];
      case 'signature_delta':
        if (state.kind === 'thinking') state.signature += delta.signature ?? '';
        return [];
      case 'input_json_delta': {
        const fragment = delta.partial_json ?? '';
        if (fragment === '') return [];
        if (state.kind === 'json_reply') return [this.delta({ content: fragment })];
        if (state.kind !== 'tool_use') return [];
        state.sentArguments = true;
        return [this.delta({ tool_calls: [{ index: state.toolIndex, function: { arguments: fragment } }] })];
      }
      default:
        return [];
    }
  }

  private stopBlock(index: number): ChatCompletionChunk[] {
    const state = this.blocks.get(index);
    this.blocks.delete(index);
    switch (state?.kind) {
      case 'thinking':
        return [this.delta({ thinking_blocks: [{ type: 'thinking', thinking: state.thinking, signature: state.signature }] })];
      case 'redacted_thinking':
        return [this.delta({ thinking_blocks: [{ type: 'redacted_thinking', data: state.data }] })];
      case 'tool_use':
        // A tool without parameters gets no fragments; OpenAI clients expect parseable arguments.
        return state.sentArguments
          ? []
          : [this.delta({ tool_calls: [{ index: state.toolIndex, function: { arguments: '{}' } }] })];
      default:
        return [];
    }
  }

  private messageDelta(event: AnthropicStreamEvent): ChatCompletionChunk[] {
    if (event.usage) this.usage = mergeAnthropicUsage(this.usage, event.usage);
    const chunks: ChatCompletionChunk[] = [];
    const stopReason = event.delta?.stop_reason;
    if (stopReason) {
      let finishReason = mapAnthropicFinishReason(stopReason);
      if (this.sawJsonReply && this.nextToolIndex === 0 && finishReason === 'tool_calls') finishReason = 'stop';
      chunks.push(this.factory.chunk({ delta: {}, finishReason, nativeFinishReason: stopReason }));
    }
    chunks.push(this.factory.usageChunk(toOpenAIUsageFromAnthropic(this.usage)));
    return chunks;
  }
}
