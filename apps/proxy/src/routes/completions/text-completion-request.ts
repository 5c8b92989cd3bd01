import { z } from 'zod';

const nullishNumber = z.number().nullish();

/**
 * A legacy `POST /v1/completions` body. Served through the chat pipeline, so what a chat model cannot do is refused
 * by name rather than ignored: several prompts in one request, token-id prompts, `suffix`, `echo`, `logprobs`, and
 * `best_of` above 1. Unknown fields are refused (no call option can ride in a body).
 */
export const textCompletionRequestSchema = z
  .object({
    model: z.string().min(1),
    prompt: z.union([z.string(), z.array(z.string()).min(1).max(1, 'this proxy takes one prompt per request')]),
    max_tokens: z.number().int().min(1).nullish(),
    temperature: nullishNumber,
    top_p: nullishNumber,
    n: z.number().int().min(1).max(128).nullish(),
    stream: z.boolean().nullish(),
    stream_options: z.object({ include_usage: z.boolean().nullish() }).strict().nullish(),
    stop: z.union([z.string(), z.array(z.string()).max(4)]).nullish(),
    presence_penalty: nullishNumber,
    frequency_penalty: nullishNumber,
    logit_bias: z.record(z.string(), z.number()).nullish(),
    user: z.string().nullish(),
    seed: z.number().int().nullish(),
    suffix: z.null().optional(),
    echo: z.literal(false).nullish(),
    logprobs: z.null().optional(),
    best_of: z.literal(1).nullish(),
    // The gateway's and router's own fields, as on chat completions.
    tags: z.array(z.string()).nullish(),
    fallbacks: z.array(z.unknown()).nullish(),
    disable_fallbacks: z.boolean().nullish(),
    num_retries: z.number().int().min(0).nullish(),
    metadata: z.record(z.string(), z.unknown()).nullish(),
  })
  .strict();

export type TextCompletionRequest = z.infer<typeof textCompletionRequestSchema>;

/** OpenAI's default when `max_tokens` is absent on this endpoint (chat has none; this one does). */
const DEFAULT_MAX_TOKENS = 16;

/** The chat request that serves a text completion: the prompt as one user message, the sampling fields as they are. */
export function toChatBody(request: TextCompletionRequest): Record<string, unknown> {
  const { prompt, max_tokens, suffix: _suffix, echo: _echo, logprobs: _logprobs, best_of: _bestOf, ...shared } = request;
  const text = typeof prompt === 'string' ? prompt : prompt[0];
  const body: Record<string, unknown> = { ...shared, messages: [{ role: 'user', content: text }], max_tokens: max_tokens ?? DEFAULT_MAX_TOKENS };
  for (const field of Object.keys(body)) if (body[field] === null || body[field] === undefined) delete body[field];
  return body;
}
