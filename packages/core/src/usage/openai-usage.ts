import { z } from 'zod';

/** OpenAI's `usage` object on a chat completion or the final stream chunk, with the detail buckets providers fill. */
export const openAIUsageSchema = z.looseObject({
  /** All input tokens, cached ones included. */
  prompt_tokens: z.number().int().nonnegative(),
  /** All output tokens, reasoning included. */
  completion_tokens: z.number().int().nonnegative(),
  total_tokens: z.number().int().nonnegative(),
  prompt_tokens_details: z
    .looseObject({
      /** Input tokens read from the provider's prompt cache. */
      cached_tokens: z.number().int().nonnegative().nullish(),
      audio_tokens: z.number().int().nonnegative().nullish(),
      /** Input tokens written to the prompt cache (Anthropic `cache_creation_input_tokens`). */
      cache_creation_tokens: z.number().int().nonnegative().nullish(),
    })
    .nullish(),
  completion_tokens_details: z
    .looseObject({
      /** Output tokens spent on reasoning (part of `completion_tokens`). */
      reasoning_tokens: z.number().int().nonnegative().nullish(),
      audio_tokens: z.number().int().nonnegative().nullish(),
      accepted_prediction_tokens: z.number().int().nonnegative().nullish(),
      rejected_prediction_tokens: z.number().int().nonnegative().nullish(),
    })
    .nullish(),
  /** LiteLLM's top-level copy of Anthropic's cache-write count; read when the details bucket is absent. */
  cache_creation_input_tokens: z.number().int().nonnegative().nullish(),
  /** LiteLLM's top-level copy of Anthropic's cache-read count. */
  cache_read_input_tokens: z.number().int().nonnegative().nullish(),
});

/** OpenAI-format usage as it travels on the wire. */
export type OpenAIUsage = z.infer<typeof openAIUsageSchema>;
