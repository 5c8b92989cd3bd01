import { z } from 'zod';

/** One candidate token and its log probability. */
export const tokenLogprobSchema = z.looseObject({
  /** The token text. */
  token: z.string(),
  /** Natural log of its probability. */
  logprob: z.number(),
  /** UTF-8 bytes of the token, or null when it has none. */
  bytes: z.array(z.number().int()).nullish(),
});

/** An output token's log probability, with the most likely alternatives at that position. */
export const tokenLogprobWithAlternativesSchema = tokenLogprobSchema.extend({
  /** The most likely tokens at this position (`top_logprobs` of them). */
  top_logprobs: z.array(tokenLogprobSchema).nullish(),
});

/** `choices[].logprobs` when the request set `logprobs: true`. */
export const chatLogprobsSchema = z.looseObject({
  /** Per-token log probabilities of the content. */
  content: z.array(tokenLogprobWithAlternativesSchema).nullish(),
  /** Per-token log probabilities of a refusal. */
  refusal: z.array(tokenLogprobWithAlternativesSchema).nullish(),
});

export type TokenLogprob = z.infer<typeof tokenLogprobWithAlternativesSchema>;
export type ChatLogprobs = z.infer<typeof chatLogprobsSchema>;
