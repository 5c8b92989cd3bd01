import type { ChatCompletionChunk, OpenAIUsage } from '@tollgate/core';

/** A streamed completion folded back into one message per choice, for assertions. */
export interface AggregatedStream {
  id: string | undefined;
  model: string | undefined;
  choices: {
    index: number;
    role: string | undefined;
    content: string | null;
    reasoning_content: string | null;
    tool_calls: { id: string; type: string; function: { name: string; arguments: string } }[];
    finish_reason: string | null;
    native_finish_reason: string | undefined;
  }[];
  usage: OpenAIUsage | undefined;
  /** How many chunks carried usage (OpenAI: exactly the last one). */
  usageChunkCount: number;
  chunkCount: number;
}

/** Folds chunks as an OpenAI client would (content and arguments concatenated, calls keyed by `index`). */
export function aggregateChunks(chunks: readonly ChatCompletionChunk[]): AggregatedStream {
  const result: AggregatedStream = { id: undefined, model: undefined, choices: [], usage: undefined, usageChunkCount: 0, chunkCount: 0 };
  for (const chunk of chunks) {
    result.chunkCount++;
    result.id ??= chunk.id;
    result.model ??= chunk.model;
    if (chunk.usage) {
      result.usage = chunk.usage;
      result.usageChunkCount++;
    }
    for (const choice of chunk.choices) {
      let target = result.choices.find((candidate) => candidate.index === choice.index);
      if (!target) {
        target = {
          index: choice.index,
          role: undefined,
          content: null,
          reasoning_content: null,
          tool_calls: [],
          finish_reason: null,
          native_finish_reason: undefined,
        };
        result.choices.push(target);
      }
      const { delta } = choice;
      if (delta.role) target.role = delta.role;
      if (typeof delta.content === 'string') target.content = (target.content ?? '') + delta.content;
      if (delta.reasoning_content) target.reasoning_content = (target.reasoning_content ?? '') + delta.reasoning_content;
      for (const fragment of delta.tool_calls ?? []) {
        const call = (target.tool_calls[fragment.index] ??= { id: '', type: '', function: { name: '', arguments: '' } });
        if (fragment.id) call.id = fragment.id;
        if (fragment.type) call.type = fragment.type;
        if (fragment.function?.name) call.function.name += fragment.function.name;
        if (fragment.function?.arguments) call.function.arguments += fragment.function.arguments;
      }
      if (choice.finish_reason) target.finish_reason = choice.finish_reason;
      const native = (choice['provider_specific_fields'] as { native_finish_reason?: string } | undefined)?.native_finish_reason;
      if (native) target.native_finish_reason = native;
    }
  }
  return result;
}

/** Collects a stream's chunks. */
export async function collect<Item>(stream: AsyncIterable<Item>): Promise<Item[]> {
  const items: Item[] = [];
  for await (const item of stream) items.push(item);
  return items;
}
