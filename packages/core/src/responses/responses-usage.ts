import { z } from 'zod';

/** A Response's `usage` (Responses names: input/output, not prompt/completion). */
export const responsesUsageSchema = z.looseObject({
  /** All input tokens, cached ones included. */
  input_tokens: z.number().int().nonnegative(),
  input_tokens_details: z.looseObject({
    /** Input tokens read from the prompt cache. */
    cached_tokens: z.number().int().nonnegative(),
  }),
  /** All output tokens, reasoning included. */
  output_tokens: z.number().int().nonnegative(),
  output_tokens_details: z.looseObject({
    /** Output tokens spent on reasoning. */
    reasoning_tokens: z.number().int().nonnegative(),
  }),
  total_tokens: z.number().int().nonnegative(),
  /** What the call cost in USD, as Tollgate booked it (LiteLLM extension, as on chat usage). */
  cost: z.number().nullish(),
});

export type ResponsesUsage = z.infer<typeof responsesUsageSchema>;
