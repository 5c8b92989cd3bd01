import type { ChatCompletionChunk, FinishReason, OpenAIUsage, ResponseMessage, ResponseToolCall, ThinkingBlock } from '@tollgate/core';
import type { ModelReply, ModelStreamPart } from './model-client.js';

interface PartialToolCall {
  id: string;
  name: string;
  arguments: string;
}

/**
 * Folds the chunks of a streamed completion (choice 0) into one reply, the way OpenAI's clients do: text and
 * reasoning concatenated, tool-call fragments joined by `index` (the first fragment carries id and name), thinking
 * blocks kept whole, usage from the chunk that carries it.
 */
export class ReplyAccumulator {
  private text = '';
  private sawText = false;
  private reasoning = '';
  private readonly toolCalls = new Map<number, PartialToolCall>();
  private readonly thinkingBlocks: ThinkingBlock[] = [];
  private finishReason: FinishReason | null = null;
  private usage: OpenAIUsage | null = null;
  private model: string | undefined;

  /** Adds one chunk; returns the deltas it carried, for the caller to pass on. */
  add(chunk: ChatCompletionChunk): ModelStreamPart[] {
    const parts: ModelStreamPart[] = [];
    this.model ??= chunk.model;
    if (chunk.usage) this.usage = chunk.usage;
    const choice = chunk.choices.find((candidate) => candidate.index === 0);
    if (!choice) return parts;
    const { delta } = choice;
    if (typeof delta.content === 'string') {
      this.sawText = true;
      this.text += delta.content;
      if (delta.content !== '') parts.push({ type: 'text-delta', text: delta.content });
    }
    if (delta.reasoning_content) {
      this.reasoning += delta.reasoning_content;
      parts.push({ type: 'reasoning-delta', text: delta.reasoning_content });
    }
    for (const block of delta.thinking_blocks ?? []) this.thinkingBlocks.push(block);
    for (const fragment of delta.tool_calls ?? []) {
      let call = this.toolCalls.get(fragment.index);
      if (!call) {
        call = { id: '', name: '', arguments: '' };
        this.toolCalls.set(fragment.index, call);
      }
      if (fragment.id) call.id = fragment.id;
      if (fragment.function?.name) call.name += fragment.function.name;
      if (fragment.function?.arguments) call.arguments += fragment.function.arguments;
    }
    if (choice.finish_reason) this.finishReason = choice.finish_reason;
    return parts;
  }

  /** The reply so far, as one assistant message. */
  finish(costNanoUsd: number | null, warnings: readonly string[] = []): ModelReply {
    const message: ResponseMessage = { role: 'assistant', content: this.sawText ? this.text : null };
    if (this.reasoning) message.reasoning_content = this.reasoning;
    if (this.thinkingBlocks.length > 0) message.thinking_blocks = [...this.thinkingBlocks];
    const calls = [...this.toolCalls.entries()].sort(([left], [right]) => left - right).map(([, call]) => call);
    if (calls.length > 0) {
      message.tool_calls = calls.map(
        (call): ResponseToolCall => ({ id: call.id, type: 'function', function: { name: call.name, arguments: call.arguments } }),
      );
    }
    return { message, finishReason: this.finishReason, usage: this.usage, costNanoUsd, model: this.model, warnings };
  }

  /** The usage reported so far (the final chunk's), for pricing. */
  get reportedUsage(): OpenAIUsage | null {
    return this.usage;
  }
}
