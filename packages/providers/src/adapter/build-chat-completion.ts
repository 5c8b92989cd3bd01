import type { ChatCompletion, FinishReason, OpenAIUsage, ResponseMessage } from '@tollgate/core';
import type { AdapterCallContext } from './adapter-call-context.js';

/** One choice of a completion, as an adapter describes it. */
export interface CompletionChoiceInput {
  /** The assistant message (content, tool_calls with ids, reasoning_content, thinking_blocks…). */
  readonly message: ResponseMessage;
  /** Normalised finish reason. */
  readonly finishReason: FinishReason | null;
  /** The provider's own finish reason, kept in `provider_specific_fields.native_finish_reason`. */
  readonly nativeFinishReason?: string | null;
}

/** What `buildChatCompletion` needs; id, model and created default from the call context. */
export interface BuildChatCompletionInput {
  readonly context: AdapterCallContext;
  /** The provider's response id; defaults to `chatcmpl-<requestId>`. */
  readonly id?: string | null;
  /** The model the provider reports; defaults to `context.model`. */
  readonly model?: string | null;
  /** The provider's creation time in Unix seconds; defaults to `context.created`. */
  readonly created?: number | null;
  readonly choices: readonly CompletionChoiceInput[];
  /** OpenAI-format usage (see `makeOpenAIUsage`). */
  readonly usage?: OpenAIUsage | null;
}

/** Assembles an OpenAI `chat.completion` from an adapter's mapped parts. */
export function buildChatCompletion(input: BuildChatCompletionInput): ChatCompletion {
  const completion: ChatCompletion = {
    id: input.id || `chatcmpl-${input.context.requestId}`,
    object: 'chat.completion',
    created: input.created ?? input.context.created,
    model: input.model || input.context.model,
    choices: input.choices.map((choice, index) => {
      const built: ChatCompletion['choices'][number] = {
        index,
        message: choice.message,
        finish_reason: choice.finishReason,
      };
      if (choice.nativeFinishReason != null) {
        built['provider_specific_fields'] = { native_finish_reason: choice.nativeFinishReason };
      }
      return built;
    }),
  };
  if (input.usage) completion.usage = input.usage;
  return completion;
}
