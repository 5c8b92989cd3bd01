import type { ChatCompletionChunk, OpenAIUsage } from '@tollgate/core';
import { attachMetadata, type CallMetadata } from './call-metadata.js';

/** Hooks of `normalizeStreamUsage`. */
export interface NormalizeStreamUsageOptions {
  /** Whether the caller asked for `stream_options.include_usage` (then a final usage chunk is emitted). */
  readonly includeUsage: boolean;
  /** Counts usage from the streamed text when the provider reported none. */
  readonly estimateUsage: (outputText: string) => OpenAIUsage;
  /** Builds the call's metadata once the stream ended, from the final usage and the model the first chunk named. */
  readonly finalize: (usage: OpenAIUsage, usageEstimated: boolean, reportedModel: string | undefined) => CallMetadata;
}

/** A per-chunk stage of a chunk stream: each chunk in, the chunks to pass on out; more at the end. */
export interface ChunkStage {
  push(chunk: ChatCompletionChunk): ChatCompletionChunk | undefined;
  finish(): ChatCompletionChunk | undefined;
}

/**
 * Puts usage where OpenAI puts it, whatever the provider did: usage is removed from every chunk (Z.ai and
 * DeepSeek attach it to the last content chunk, Anthropic splits it over two events), the last report wins, and
 * with `include_usage` one final `choices: []` chunk carries it — with the call's metadata (cost included) as its
 * non-enumerable `tollgate` property. Usage-only chunks are not passed on. When the provider reported no usage,
 * it is estimated from the streamed text. A synchronous stage, so the decoder applies it without another async
 * layer per chunk.
 */
export function createUsageNormalizer(options: NormalizeStreamUsageOptions): ChunkStage {
  let usage: OpenAIUsage | undefined;
  let last: ChatCompletionChunk | undefined;
  let reportedModel: string | undefined;
  // Kept only for the rare provider that reports no usage; appending references is cheap.
  const outputPieces: string[] = [];
  return {
    push(chunk) {
      reportedModel ??= chunk.model;
      last = chunk;
      if (chunk.usage) {
        usage = chunk.usage;
        delete chunk.usage;
      }
      if (chunk.choices.length === 0) return undefined;
      if (usage === undefined) collectOutput(chunk, outputPieces);
      return chunk;
    },
    finish() {
      const usageEstimated = usage === undefined;
      const finalUsage = usage ?? options.estimateUsage(outputPieces.join(''));
      const metadata = options.finalize(finalUsage, usageEstimated, reportedModel);
      if (!options.includeUsage || !last) return undefined;
      return attachMetadata<ChatCompletionChunk>(
        { id: last.id, object: 'chat.completion.chunk', created: last.created, model: last.model, choices: [], usage: finalUsage },
        metadata,
      );
    },
  };
}

/** {@link createUsageNormalizer} over an async chunk source (local answers replayed as a stream). */
export async function* normalizeStreamUsage(
  source: AsyncIterable<ChatCompletionChunk>,
  options: NormalizeStreamUsageOptions,
): AsyncGenerator<ChatCompletionChunk> {
  const stage = createUsageNormalizer(options);
  for await (const chunk of source) {
    const passed = stage.push(chunk);
    if (passed) yield passed;
  }
  const final = stage.finish();
  if (final) yield final;
}

function collectOutput(chunk: ChatCompletionChunk, pieces: string[]): void {
  for (const choice of chunk.choices) {
    const { delta } = choice;
    if (delta.content) pieces.push(delta.content);
    if (delta.reasoning_content) pieces.push(delta.reasoning_content);
    if (delta.tool_calls) {
      for (const call of delta.tool_calls) {
        if (call.function?.name) pieces.push(call.function.name);
        if (call.function?.arguments) pieces.push(call.function.arguments);
      }
    }
  }
}
