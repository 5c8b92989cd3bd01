import type { ChatCompletionChunk, ChatCompletionDelta, FinishReason, OpenAIUsage } from '@tollgate/core';
import type { AdapterCallContext } from './adapter-call-context.js';

/** One choice of a chunk, as a parser describes it. */
export interface ChunkChoiceInput {
  /** Choice index; 0 unless the provider returns several choices. */
  readonly index?: number;
  /** What the chunk adds (content, reasoning_content, tool_calls fragments…). */
  readonly delta: ChatCompletionDelta;
  /** Normalised finish reason, on the choice's last chunk only. */
  readonly finishReason?: FinishReason | null;
  /** The provider's own finish reason, kept in `provider_specific_fields.native_finish_reason`. */
  readonly nativeFinishReason?: string | null;
}

/**
 * Builds chunks that share one id, `created` and model, as OpenAI's do. Native adapters learn the id and model
 * from the first event (Anthropic `message_start`), so both can be set later with `setIdentity`.
 */
export class ChatChunkFactory {
  private id: string;
  private model: string;
  private readonly created: number;

  constructor(context: AdapterCallContext) {
    this.id = `chatcmpl-${context.requestId}`;
    this.model = context.model;
    this.created = context.created;
  }

  /** Sets the id and/or model the provider reported; empty values are ignored. */
  setIdentity(identity: { id?: string | null; model?: string | null }): void {
    if (identity.id) this.id = identity.id;
    if (identity.model) this.model = identity.model;
  }

  /** A chunk with one choice. */
  chunk(choice: ChunkChoiceInput): ChatCompletionChunk {
    const built: ChatCompletionChunk['choices'][number] = {
      index: choice.index ?? 0,
      delta: choice.delta,
      finish_reason: choice.finishReason ?? null,
    };
    if (choice.nativeFinishReason != null) {
      built['provider_specific_fields'] = { native_finish_reason: choice.nativeFinishReason };
    }
    return { id: this.id, object: 'chat.completion.chunk', created: this.created, model: this.model, choices: [built] };
  }

  /** The usage-only chunk (`choices: []`). */
  usageChunk(usage: OpenAIUsage): ChatCompletionChunk {
    return { id: this.id, object: 'chat.completion.chunk', created: this.created, model: this.model, choices: [], usage };
  }
}
