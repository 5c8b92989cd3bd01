import { z } from 'zod';

/**
 * Wire schemas of the OpenAI chat API as OpenAI-dialect providers actually send it. Minimal and tolerant: only the
 * fields we read, everything nullish, unknown fields ignored — a provider adding a field never breaks us, and
 * dialect differences (Mistral's content arrays and missing tool-call `type`, DeepSeek's cache counters,
 * OpenRouter's `reasoning`) parse without a special case.
 */

export const openAIWireUsageSchema = z.looseObject({
  prompt_tokens: z.number().nullish(),
  completion_tokens: z.number().nullish(),
  total_tokens: z.number().nullish(),
  prompt_tokens_details: z.looseObject({ cached_tokens: z.number().nullish() }).nullish(),
  completion_tokens_details: z.looseObject({ reasoning_tokens: z.number().nullish() }).nullish(),
});

export const openAIWireToolCallSchema = z.looseObject({
  index: z.number().nullish(),
  id: z.string().nullish(),
  type: z.string().nullish(),
  function: z
    .looseObject({
      name: z.string().nullish(),
      // Some servers (older vLLM, Ollama's /v1 in places) send arguments as an object.
      arguments: z.union([z.string(), z.record(z.string(), z.unknown())]).nullish(),
    })
    .nullish(),
});

export const openAIWireMessageSchema = z.looseObject({
  role: z.string().nullish(),
  // A string, or (Mistral magistral) an array of `{type:'text'|'thinking', …}` blocks.
  content: z.union([z.string(), z.array(z.unknown())]).nullish(),
  refusal: z.string().nullish(),
  tool_calls: z.array(openAIWireToolCallSchema).nullish(),
  function_call: z.looseObject({ name: z.string().nullish(), arguments: z.string().nullish() }).nullish(),
  reasoning_content: z.string().nullish(),
  // OpenRouter and newer vLLM name the reasoning text `reasoning`.
  reasoning: z.string().nullish(),
  annotations: z.array(z.unknown()).nullish(),
  audio: z.unknown().nullish(),
});

export const openAIWireResponseSchema = z.looseObject({
  id: z.string().nullish(),
  created: z.number().nullish(),
  model: z.string().nullish(),
  choices: z.array(
    z.looseObject({
      index: z.number().nullish(),
      message: openAIWireMessageSchema.nullish(),
      finish_reason: z.string().nullish(),
      logprobs: z.unknown().nullish(),
    }),
  ),
  usage: openAIWireUsageSchema.nullish(),
  system_fingerprint: z.string().nullish(),
  service_tier: z.string().nullish(),
});

export const openAIWireErrorSchema = z.looseObject({
  error: z
    .union([
      z.string(),
      z.looseObject({
        message: z.string().nullish(),
        type: z.string().nullish(),
        param: z.string().nullish(),
        code: z.union([z.string(), z.number()]).nullish(),
      }),
    ])
    .nullish(),
  message: z.string().nullish(),
  detail: z.unknown().nullish(),
});

export const openAIWireEmbeddingResponseSchema = z.looseObject({
  data: z.array(
    z.looseObject({
      index: z.number().nullish(),
      embedding: z.union([z.array(z.number()), z.string()]),
    }),
  ),
  model: z.string().nullish(),
  usage: z.looseObject({ prompt_tokens: z.number().nullish(), total_tokens: z.number().nullish() }).nullish(),
});

export type OpenAIWireUsage = z.infer<typeof openAIWireUsageSchema>;
export type OpenAIWireToolCall = z.infer<typeof openAIWireToolCallSchema>;
export type OpenAIWireMessage = z.infer<typeof openAIWireMessageSchema>;

/**
 * One stream chunk as read on the hot path: typed, not validated (a zod parse per token would cost more than the
 * rest of the pipeline). The parser reads each field defensively instead.
 */
export interface OpenAIWireChunk {
  id?: unknown;
  created?: unknown;
  model?: unknown;
  choices?: unknown;
  usage?: unknown;
  system_fingerprint?: unknown;
  service_tier?: unknown;
  error?: unknown;
}
