import { z } from 'zod';
import { textContentPartSchema } from './chat-content-part.js';
import { chatMessageSchema } from './chat-message.js';
import { chatResponseFormatSchema } from './chat-response-format.js';
import {
  chatToolChoiceSchema,
  chatToolSchema,
  functionDefinitionSchema,
  legacyFunctionCallChoiceSchema,
} from './chat-tool.js';

/**
 * The body of `POST /v1/chat/completions`, with every standard OpenAI param.
 *
 * **Validation rule.** Every standard param is checked strictly: a wrong type, an unknown enum value or an
 * out-of-range number fails, naming the param's path (`messages[0].content`). Optional params may be `null`, which
 * means "not set" (OpenAI's wire convention).
 *
 * **Unknown keys are passed through.** A top-level key that is not a standard param (e.g. Anthropic's `thinking`,
 * Z.ai's `tool_stream`, vLLM's `top_k`) is a provider-specific param: it stays in the parsed object, untouched, and
 * the provider adapter forwards it to the provider (LiteLLM's behaviour). Unknown keys inside messages, content parts
 * and tools are kept the same way, since providers define extensions there too (e.g. `cache_control`). A misspelt
 * standard param is therefore not an error here; it reaches the provider, which may reject it.
 * `providerSpecificParamsOf(request)` lists those keys.
 */
export const chatCompletionRequestSchema = z.looseObject({
  /** Model to use: `provider/model` or a bare name the catalogue knows (e.g. `openai/gpt-4o`, `gpt-4o`). */
  model: z.string().min(1),
  /** The conversation so far, oldest first; at least one message. */
  messages: z.array(chatMessageSchema).min(1),

  /** Send the reply as server-sent `chat.completion.chunk` events. */
  stream: z.boolean().nullish(),
  /** Streaming options; only meaningful with `stream: true`. */
  stream_options: z
    .looseObject({
      /** Send a last chunk with `usage` and empty `choices` before `[DONE]`. */
      include_usage: z.boolean().nullish(),
      /** Whether OpenAI pads chunks with an `obfuscation` field. */
      include_obfuscation: z.boolean().nullish(),
    })
    .nullish(),

  /** Maximum output tokens (legacy name; reasoning models want `max_completion_tokens`). */
  max_tokens: z.number().int().positive().nullish(),
  /** Maximum output tokens, reasoning tokens included. */
  max_completion_tokens: z.number().int().positive().nullish(),
  /** Sampling temperature, 0–2. */
  temperature: z.number().min(0).max(2).nullish(),
  /** Nucleus sampling: the probability mass to sample from, 0–1. */
  top_p: z.number().min(0).max(1).nullish(),
  /** How many choices to generate. */
  n: z.number().int().positive().nullish(),
  /** Up to 4 sequences where generation stops (providers differ on the limit). */
  stop: z.union([z.string(), z.array(z.string())]).nullish(),
  /** Penalty for tokens already present, -2–2. */
  presence_penalty: z.number().min(-2).max(2).nullish(),
  /** Penalty proportional to how often a token appeared, -2–2. */
  frequency_penalty: z.number().min(-2).max(2).nullish(),
  /** Token id (as a string) → bias, -100–100. */
  logit_bias: z.record(z.string(), z.number().min(-100).max(100)).nullish(),
  /** Return the log probability of each output token. */
  logprobs: z.boolean().nullish(),
  /** How many most likely tokens to return per position, 0–20 (needs `logprobs: true`). */
  top_logprobs: z.number().int().min(0).max(20).nullish(),
  /** Seed for best-effort deterministic sampling. */
  seed: z.number().int().nullish(),

  /** Functions the model may call. */
  tools: z.array(chatToolSchema).nullish(),
  /** Whether and which tool the model must call. */
  tool_choice: chatToolChoiceSchema.nullish(),
  /** Whether the model may call several tools in one turn. */
  parallel_tool_calls: z.boolean().nullish(),
  /** Legacy function list (deprecated by OpenAI in favour of `tools`). */
  functions: z.array(functionDefinitionSchema).nullish(),
  /** Legacy function choice (deprecated by OpenAI in favour of `tool_choice`). */
  function_call: legacyFunctionCallChoiceSchema.nullish(),

  /** Output format: text, any JSON object, or JSON following a schema. */
  response_format: chatResponseFormatSchema.nullish(),
  /** How hard a reasoning model thinks; adapters map it to each provider's thinking budget. */
  reasoning_effort: z.enum(['none', 'minimal', 'low', 'medium', 'high', 'xhigh']).nullish(),
  /** How long the answer should be (OpenAI GPT-5 family). */
  verbosity: z.enum(['low', 'medium', 'high']).nullish(),
  /** Output modalities, e.g. `["text", "audio"]`. */
  modalities: z.array(z.enum(['text', 'audio'])).nullish(),
  /** Audio output settings; needed when `modalities` includes `audio`. */
  audio: z
    .looseObject({
      /** A built-in voice name (e.g. `alloy`) or a custom voice `{id}`. */
      voice: z.union([z.string(), z.looseObject({ id: z.string() })]),
      /** Output audio encoding. */
      format: z.enum(['wav', 'aac', 'mp3', 'flac', 'opus', 'pcm16']),
    })
    .nullish(),
  /** Predicted output, which speeds up replies that mostly repeat known text. */
  prediction: z
    .looseObject({
      /** Always `content` (the only kind of prediction). */
      type: z.literal('content'),
      /** The text the reply is expected to resemble. */
      content: z.union([z.string(), z.array(textContentPartSchema)]),
    })
    .nullish(),
  /** Web search for models that support it. */
  web_search_options: z
    .looseObject({
      /** How much search context to retrieve. */
      search_context_size: z.enum(['low', 'medium', 'high']).nullish(),
      /** Approximate user location to localise results. */
      user_location: z
        .looseObject({
          /** Always `approximate`. */
          type: z.literal('approximate'),
          /** The approximate location; every field optional. */
          approximate: z.looseObject({
            /** City name, e.g. `San Francisco`. */
            city: z.string().nullish(),
            /** Two-letter ISO country code, e.g. `US`. */
            country: z.string().nullish(),
            /** Region or state, e.g. `California`. */
            region: z.string().nullish(),
            /** IANA time zone, e.g. `America/Los_Angeles`. */
            timezone: z.string().nullish(),
          }),
        })
        .nullish(),
    })
    .nullish(),

  /** Stable id of the end user, for abuse monitoring; the gateway also attributes spend to it. */
  user: z.string().nullish(),
  /** Stable id of the end user for safety monitoring (OpenAI's successor to `user`). */
  safety_identifier: z.string().nullish(),
  /** Key grouping requests that share a prompt prefix, to improve cache hits (OpenAI). */
  prompt_cache_key: z.string().nullish(),
  /**
   * Free-form metadata. OpenAI stores string pairs with stored completions; LiteLLM passes any object to its
   * callbacks and spend logs (e.g. `tags`), so any JSON values are accepted.
   */
  metadata: z.record(z.string(), z.unknown()).nullish(),
  /** Processing tier (OpenAI): latency/price trade-off. */
  service_tier: z.enum(['auto', 'default', 'flex', 'scale', 'priority']).nullish(),
  /** Whether OpenAI stores the completion for distillation and evals. */
  store: z.boolean().nullish(),
});

/** A validated chat completion request; provider-specific params appear as extra keys of type `unknown`. */
export type ChatCompletionRequest = z.infer<typeof chatCompletionRequestSchema>;
