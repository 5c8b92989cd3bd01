import { BadRequestError, openAIUsageSchema, toTokenUsage, type OpenAIUsage, type TokenUsage } from '@tollgate/core';
import { z } from 'zod';

/** Embeddings usage: OpenAI's embedding responses carry only prompt tokens. */
export interface EmbeddingUsage {
  prompt_tokens: number;
  total_tokens?: number;
}

/** TokenUsage plus the part of its cache writes made with a 1-hour TTL (Anthropic prices those higher). */
export interface BucketedUsage extends TokenUsage {
  /** Of `cacheWriteTokens`, how many were written with a 1-hour TTL. Defaults to 0. */
  cacheWriteOneHourTokens?: number;
}

/** Any usage the cost functions accept: OpenAI wire format, the bucketed shape, or embeddings usage. */
export type PriceableUsage = OpenAIUsage | BucketedUsage | EmbeddingUsage;

const count = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);

const bucketedUsageSchema = z
  .looseObject({
    uncachedInputTokens: count,
    cacheReadTokens: count,
    cacheWriteTokens: count,
    textOutputTokens: count,
    reasoningTokens: count,
    cacheWriteOneHourTokens: count.optional(),
  })
  .refine((usage) => (usage.cacheWriteOneHourTokens ?? 0) <= usage.cacheWriteTokens, {
    error: 'cacheWriteOneHourTokens cannot exceed cacheWriteTokens',
    path: ['cacheWriteOneHourTokens'],
  });

const embeddingUsageSchema = z.looseObject({ prompt_tokens: count, total_tokens: count.optional() });

/** Where LiteLLM (from Anthropic's `cache_creation`) reports the 1-hour share of cache writes. */
const oneHourDetailSchema = z.looseObject({
  prompt_tokens_details: z
    .looseObject({
      cache_creation_token_details: z.looseObject({ ephemeral_1h_input_tokens: count.nullish() }).nullish(),
    })
    .nullish(),
});

function invalid(error: z.ZodError): BadRequestError {
  const issue = error.issues[0];
  const param = ['usage', ...(issue?.path ?? []).map(String)].join('.');
  return new BadRequestError(`${param}: ${issue?.message ?? 'invalid usage'}`, { param });
}

/**
 * Puts every token of a usage report into exactly one priced bucket. OpenAI-format usage goes through core's
 * `toTokenUsage` (cached and cache-written tokens are part of `prompt_tokens`, reasoning part of `completion_tokens`).
 * Throws BadRequestError (param `usage...`) for counts that are not non-negative integers.
 */
export function toBucketedUsage(usage: PriceableUsage): Required<BucketedUsage> {
  if ('uncachedInputTokens' in usage) {
    const parsed = bucketedUsageSchema.safeParse(usage);
    if (!parsed.success) throw invalid(parsed.error);
    return { ...parsed.data, cacheWriteOneHourTokens: parsed.data.cacheWriteOneHourTokens ?? 0 };
  }
  if ('completion_tokens' in usage) {
    if (isPlainOpenAIUsage(usage)) return { ...toTokenUsage(usage), cacheWriteOneHourTokens: 0 };
    const parsed = openAIUsageSchema.safeParse(usage);
    if (!parsed.success) throw invalid(parsed.error);
    const buckets = toTokenUsage(parsed.data);
    const detail = oneHourDetailSchema.safeParse(usage);
    const reported = detail.success
      ? (detail.data.prompt_tokens_details?.cache_creation_token_details?.ephemeral_1h_input_tokens ?? 0)
      : 0;
    return { ...buckets, cacheWriteOneHourTokens: Math.min(reported, buckets.cacheWriteTokens) };
  }
  const parsed = embeddingUsageSchema.safeParse(usage);
  if (!parsed.success) throw invalid(parsed.error);
  return {
    uncachedInputTokens: parsed.data.prompt_tokens,
    cacheReadTokens: 0,
    cacheWriteTokens: 0,
    cacheWriteOneHourTokens: 0,
    textOutputTokens: 0,
    reasoningTokens: 0,
  };
}

const isCount = (value: unknown): value is number => typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
const isCountOrAbsent = (value: unknown): boolean => value === undefined || value === null || isCount(value);
const isAbsent = (value: unknown): boolean => value === undefined || value === null;

/**
 * The report nearly every call has (counts, and details holding nothing but counts, no cache writes), checked by hand:
 * it is priced on every call, several times, and needs no schema. Anything else takes the full validation.
 */
function isPlainOpenAIUsage(usage: PriceableUsage): usage is OpenAIUsage {
  const wire = usage as Record<string, unknown>;
  if (!isCount(wire['prompt_tokens']) || !isCount(wire['completion_tokens']) || !isCount(wire['total_tokens'])) return false;
  if (!isAbsent(wire['cache_creation_input_tokens']) || !isCountOrAbsent(wire['cache_read_input_tokens'])) return false;
  const prompt = wire['prompt_tokens_details'];
  if (!isAbsent(prompt)) {
    if (typeof prompt !== 'object') return false;
    const details = prompt as Record<string, unknown>;
    if (!isCountOrAbsent(details['cached_tokens']) || !isCountOrAbsent(details['audio_tokens'])) return false;
    if (!isAbsent(details['cache_creation_tokens']) || !isAbsent(details['cache_creation_token_details'])) return false;
  }
  const completion = wire['completion_tokens_details'];
  if (!isAbsent(completion)) {
    if (typeof completion !== 'object') return false;
    const details = completion as Record<string, unknown>;
    for (const field of ['reasoning_tokens', 'audio_tokens', 'accepted_prediction_tokens', 'rejected_prediction_tokens']) {
      if (!isCountOrAbsent(details[field])) return false;
    }
  }
  return true;
}
