import { z } from 'zod';
import { openAIUsageSchema } from '../usage/openai-usage.js';
import { chatLogprobsSchema } from './chat-logprobs.js';
import { thinkingBlockSchema } from './chat-thinking-block.js';
import { finishReasonSchema } from './finish-reason.js';

/**
 * A fragment of a tool call in a stream. The first fragment of a call carries `index`, `id`, `type` and
 * `function.name` (with `arguments: ""`); later fragments carry only `index` and the next piece of
 * `function.arguments`. Some providers (Z.ai, Mistral) send each call whole in one fragment.
 */
export const toolCallDeltaSchema = z.looseObject({
  /** Which tool call of the choice this fragment belongs to; fragments with the same index concatenate. */
  index: z.number().int().nonnegative(),
  /** Id of the call (first fragment only). */
  id: z.string().nullish(),
  /** Always `function` when present (first fragment only). */
  type: z.literal('function').nullish(),
  function: z
    .looseObject({
      /** Name of the function (first fragment only). */
      name: z.string().nullish(),
      /** The next piece of the arguments JSON string. */
      arguments: z.string().nullish(),
    })
    .nullish(),
});

/** What a chunk adds to a choice's message. */
export const chatCompletionDeltaSchema = z.looseObject({
  /** `assistant`, on the first chunk of a choice. */
  role: z.literal('assistant').nullish(),
  /** The next piece of the reply text. */
  content: z.string().nullish(),
  /** The next piece of a refusal. */
  refusal: z.string().nullish(),
  /** Tool call fragments. */
  tool_calls: z.array(toolCallDeltaSchema).nullish(),
  /** Legacy function call fragment: `name` first, then pieces of `arguments`. */
  function_call: z.looseObject({ name: z.string().nullish(), arguments: z.string().nullish() }).nullish(),
  /** The next piece of the reasoning text (LiteLLM extension; DeepSeek, Z.ai, Anthropic thinking…). */
  reasoning_content: z.string().nullish(),
  /** Thinking blocks completed in this chunk, with their signatures (Anthropic). */
  thinking_blocks: z.array(thinkingBlockSchema).nullish(),
});

/** One choice of a chunk. */
export const chatCompletionChunkChoiceSchema = z.looseObject({
  /** Which choice this delta extends. */
  index: z.number().int().nonnegative(),
  /** What this chunk adds. */
  delta: chatCompletionDeltaSchema,
  /** Null until the choice's last chunk, which says why generation stopped. */
  finish_reason: finishReasonSchema.nullish(),
  /** Log probabilities of the tokens in this chunk, when requested. */
  logprobs: chatLogprobsSchema.nullish(),
});

/**
 * One `chat.completion.chunk` event of a streamed chat completion. With `stream_options.include_usage`, the last
 * chunk before `[DONE]` has empty `choices` and carries `usage`; every other chunk has `usage: null` or none.
 * Tolerant: unknown fields (e.g. OpenAI's `obfuscation` padding) are kept.
 */
export const chatCompletionChunkSchema = z.looseObject({
  /** Id shared by every chunk of the completion. */
  id: z.string(),
  /** Always `chat.completion.chunk`. */
  object: z.literal('chat.completion.chunk'),
  /** Unix time (seconds) the completion was created; the same on every chunk. */
  created: z.number().int(),
  /** The model that answered, as the provider names it. */
  model: z.string(),
  /** The choices this chunk extends; empty on the usage chunk. */
  choices: z.array(chatCompletionChunkChoiceSchema),
  /** Token counts: only on the final chunk, and only when `stream_options.include_usage` was set. */
  usage: openAIUsageSchema.nullish(),
  /** Fingerprint of the backend configuration that served the request. */
  system_fingerprint: z.string().nullish(),
  /** The processing tier that actually served the request. */
  service_tier: z.string().nullish(),
});

export type ToolCallDelta = z.infer<typeof toolCallDeltaSchema>;
export type ChatCompletionDelta = z.infer<typeof chatCompletionDeltaSchema>;
export type ChatCompletionChunkChoice = z.infer<typeof chatCompletionChunkChoiceSchema>;
/** A stream chunk as Tollgate sends it. */
export type ChatCompletionChunk = z.infer<typeof chatCompletionChunkSchema>;
