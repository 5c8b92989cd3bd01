import type { ChatCompletionChunk, MessagesStopReason, MessagesStreamEvent, OpenAIUsage, ThinkingBlock } from '@tollgate/core';
import { toMessageId } from './chat-completion-to-messages-response.js';
import { matchedStopSequence, nativeFinishReasonOf, toMessagesStopReason } from './messages-stop-reason.js';
import { toMessagesUsage } from './messages-usage.js';

export interface MessagesEventsOptions {
  /** The model named in `message_start` until a chunk names the one that answered. */
  model: string;
  /** The request's `stop_sequences`, to name the one that matched. */
  stopSequences?: readonly string[] | null;
  /** The prompt's size when known before the answer (counted); the final counts come in `message_delta`. */
  inputTokens?: number;
}

type OpenBlock = { kind: 'text' | 'thinking'; index: number } | { kind: 'tool_use'; index: number; toolIndex: number };

/**
 * A chat completion stream → Anthropic stream events, one chunk at a time (the first choice): `message_start` on
 * the first chunk; text, reasoning and each tool call as their own content block, opened and closed in order
 * (`text_delta`, `thinking_delta` + `signature_delta`, `input_json_delta`); `finish` closes with `message_delta`
 * (stop reason and usage) and `message_stop`.
 */
export class ChatChunksToMessagesEvents {
  private started = false;
  private open: OpenBlock | undefined;
  private nextIndex = 0;
  private readonly toolBlocks = new Map<number, number>();
  private stopReason: MessagesStopReason | null = null;
  private id = 'msg_tollgate';
  private model: string;

  constructor(private readonly options: MessagesEventsOptions) {
    this.model = options.model;
  }

  /** Whether `message_start` was sent (so a failure must be reported in-stream). */
  get hasStarted(): boolean {
    return this.started;
  }

  push(chunk: ChatCompletionChunk): MessagesStreamEvent[] {
    const events: MessagesStreamEvent[] = [];
    if (!this.started) {
      this.id = toMessageId(chunk.id);
      this.model = chunk.model || this.model;
      events.push(this.messageStart());
    }
    const choice = chunk.choices.find((candidate) => candidate.index === 0);
    if (!choice) return events;
    const delta = choice.delta;
    if (delta.reasoning_content != null && delta.reasoning_content !== '') {
      events.push(...this.openBlock('thinking'), this.blockDelta({ type: 'thinking_delta', thinking: delta.reasoning_content }));
    }
    for (const block of delta.thinking_blocks ?? []) events.push(...this.completedThinking(block));
    const text = delta.content ?? delta.refusal;
    if (text != null && text !== '') events.push(...this.openBlock('text'), this.blockDelta({ type: 'text_delta', text }));
    for (const call of delta.tool_calls ?? []) {
      let blockIndex = this.toolBlocks.get(call.index);
      if (blockIndex === undefined) {
        events.push(...this.closeBlock());
        blockIndex = this.nextIndex++;
        this.toolBlocks.set(call.index, blockIndex);
        this.open = { kind: 'tool_use', index: blockIndex, toolIndex: call.index };
        events.push({
          type: 'content_block_start',
          index: blockIndex,
          content_block: { type: 'tool_use', id: call.id ?? `toolu_${this.id}_${call.index}`, name: call.function?.name ?? '', input: {} },
        });
      }
      const fragment = call.function?.arguments;
      if (fragment != null && fragment !== '') {
        events.push({ type: 'content_block_delta', index: blockIndex, delta: { type: 'input_json_delta', partial_json: fragment } });
      }
    }
    if (choice.finish_reason != null) this.stopReason = toMessagesStopReason(choice.finish_reason, nativeFinishReasonOf(choice));
    return events;
  }

  /** The end of a completed stream: the last block closed, then the stop reason and the final usage. */
  finish(usage: OpenAIUsage | null | undefined): MessagesStreamEvent[] {
    const events: MessagesStreamEvent[] = [];
    if (!this.started) events.push(this.messageStart());
    events.push(...this.closeBlock());
    // Without a usage report only the output count is given, so the prompt's size from message_start stands.
    const counts = usage ? toMessagesUsage(usage) : { output_tokens: 0 };
    events.push({
      type: 'message_delta',
      delta: { stop_reason: this.stopReason ?? 'end_turn', stop_sequence: matchedStopSequence(this.stopReason, this.options.stopSequences ?? undefined) },
      usage: counts,
    });
    events.push({ type: 'message_stop' });
    return events;
  }

  private messageStart(): MessagesStreamEvent {
    this.started = true;
    return {
      type: 'message_start',
      message: {
        id: this.id,
        type: 'message',
        role: 'assistant',
        model: this.model,
        content: [],
        stop_reason: null,
        stop_sequence: null,
        usage: { input_tokens: this.options.inputTokens ?? 0, output_tokens: 0 },
      },
    };
  }

  private blockDelta(delta: Extract<MessagesStreamEvent, { type: 'content_block_delta' }>['delta']): MessagesStreamEvent {
    return { type: 'content_block_delta', index: this.open!.index, delta };
  }

  /** Opens a text or thinking block unless one of that kind is open. */
  private openBlock(kind: 'text' | 'thinking'): MessagesStreamEvent[] {
    if (this.open?.kind === kind) return [];
    const events = this.closeBlock();
    const index = this.nextIndex++;
    this.open = { kind, index };
    events.push({
      type: 'content_block_start',
      index,
      content_block: kind === 'text' ? { type: 'text', text: '' } : { type: 'thinking', thinking: '', signature: '' },
    });
    return events;
  }

  private closeBlock(): MessagesStreamEvent[] {
    if (!this.open) return [];
    const index = this.open.index;
    this.open = undefined;
    return [{ type: 'content_block_stop', index }];
  }

  /** A thinking block the provider finished: its signature ends the open thinking block, or it comes whole. */
  private completedThinking(block: ThinkingBlock): MessagesStreamEvent[] {
    if (block.type === 'redacted_thinking') {
      const events = this.closeBlock();
      const index = this.nextIndex++;
      events.push({ type: 'content_block_start', index, content_block: { type: 'redacted_thinking', data: block.data } });
      events.push({ type: 'content_block_stop', index });
      return events;
    }
    const events: MessagesStreamEvent[] = [];
    if (this.open?.kind !== 'thinking') {
      events.push(...this.openBlock('thinking'));
      if (block.thinking !== '') events.push(this.blockDelta({ type: 'thinking_delta', thinking: block.thinking }));
    }
    if (block.signature != null && block.signature !== '') events.push(this.blockDelta({ type: 'signature_delta', signature: block.signature }));
    events.push(...this.closeBlock());
    return events;
  }
}
