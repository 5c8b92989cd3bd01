import { z } from 'zod';
import { openAIUsageSchema } from '../usage/openai-usage.js';
import { chatLogprobsSchema } from './chat-logprobs.js';
import { thinkingBlockSchema } from './chat-thinking-block.js';
import { finishReasonSchema } from './finish-reason.js';

/**
 * A tool call in a response. `type` defaults to `function` because some OpenAI-dialect providers (Mistral) omit it.
 */
export const responseToolCallSchema = z.looseObject({
  /** Id of the call; the client answers with a `tool` message carrying it as `tool_call_id`. */
  id: z.string(),
  /** Always `function`; filled in when the provider omits it. */
  type: z.literal('function').default('function'),
  /** The function called and its arguments. */
  function: z.looseObject({
    /** Name of the function to call. */
    name: z.string(),
    /** Arguments as a JSON string, exactly as the model produced them (possibly invalid JSON). */
    arguments: z.string(),
  }),
});

/** The assistant message of a response choice. Tolerant: unknown fields (e.g. `annotations`) are kept. */
export const responseMessageSchema = z.looseObject({
  /** Always `assistant`; filled in when the provider omits it. */
  role: z.literal('assistant').default('assistant'),
  /** The reply text; null when the model only called tools or refused. */
  content: z.string().nullish(),
  /** The refusal text when the model declined to answer. */
  refusal: z.string().nullish(),
  /** Tool calls the model wants the client to run. */
  tool_calls: z.array(responseToolCallSchema).nullish(),
  /** Legacy single function call (when the request used `functions`). */
  function_call: z.looseObject({ name: z.string(), arguments: z.string() }).nullish(),
  /** Reasoning text, for providers that expose it (DeepSeek, Z.ai, Anthropic thinking, Gemini thoughts…). */
  reasoning_content: z.string().nullish(),
  /** Signed thinking blocks (Anthropic); clients must send them back unchanged on tool-use turns. */
  thinking_blocks: z.array(thinkingBlockSchema).nullish(),
  /** URL citations and other annotations (OpenAI web search). */
  annotations: z.array(z.unknown()).nullish(),
  /** Audio reply when `modalities` included `audio`. */
  audio: z
    .looseObject({
      /** Id to reference this audio in later turns. */
      id: z.string(),
      /** Base64-encoded audio bytes. */
      data: z.string(),
      /** Unix time (seconds) after which `id` can no longer be referenced. */
      expires_at: z.number().int(),
      /** Transcript of the audio. */
      transcript: z.string(),
    })
    .nullish(),
});

/** One choice of a response. */
export const chatCompletionChoiceSchema = z.looseObject({
  /** Position of the choice (0 unless the request set `n`). */
  index: z.number().int().nonnegative(),
  /** The generated message. */
  message: responseMessageSchema,
  /** Why generation stopped. */
  finish_reason: finishReasonSchema.nullable(),
  /** Token log probabilities, when requested. */
  logprobs: chatLogprobsSchema.nullish(),
});

/**
 * A non-streamed chat completion (`object: "chat.completion"`): what Tollgate answers, and what OpenAI-dialect
 * providers send. Tolerant: unknown fields are kept and optional ones may be null.
 */
export const chatCompletionSchema = z.looseObject({
  /** Unique id of the completion (`chatcmpl-…`). */
  id: z.string(),
  /** Always `chat.completion`. */
  object: z.literal('chat.completion'),
  /** Unix time (seconds) the completion was created. */
  created: z.number().int(),
  /** The model that answered, as the provider names it (e.g. `gpt-4o-2024-08-06`). */
  model: z.string(),
  /** The generated choices. */
  choices: z.array(chatCompletionChoiceSchema),
  /** Token counts, with cached and reasoning details. */
  usage: openAIUsageSchema.nullish(),
  /** Fingerprint of the backend configuration that served the request. */
  system_fingerprint: z.string().nullish(),
  /** The processing tier that actually served the request. */
  service_tier: z.string().nullish(),
});

export type ResponseToolCall = z.infer<typeof responseToolCallSchema>;
export type ResponseMessage = z.infer<typeof responseMessageSchema>;
export type ChatCompletionChoice = z.infer<typeof chatCompletionChoiceSchema>;
/** A chat completion as Tollgate returns it. */
export type ChatCompletion = z.infer<typeof chatCompletionSchema>;
