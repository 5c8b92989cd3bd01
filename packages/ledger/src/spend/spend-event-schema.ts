import { z } from 'zod';
import { nanoUsdStringSchema } from '@tollgate/core';

/**
 * The spend event: what the proxy emits once per finished call and `applySpendEvents` books. It is a durable format
 * (it waits in Redis and may be read by an older or newer worker), so it carries `schema_version`, and every version
 * ever written stays readable (see __fixtures__/). Unknown fields are dropped, so a newer producer adding an optional
 * field does not poison older workers; anything a worker must act on needs a new version.
 */
export const SPEND_EVENT_SCHEMA_VERSION = 1;

const tokenCount = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);
const instant = z.iso.datetime({ offset: true });
const optionalText = (maxLength: number) => z.string().min(1).max(maxLength).nullable().default(null);

/** Version 1 of the spend event. */
export const spendEventV1Schema = z
  .object({
    schema_version: z.literal(1),
    /** The call id (`x-litellm-call-id`); the idempotency key: a request is booked at most once. */
    request_id: z.string().min(1).max(255),
    /** The id the answer carried (`chatcmpl-…`), which clients search spend logs by. */
    response_id: optionalText(255),
    /** `acompletion`, `aembedding`, … (LiteLLM's call_type). */
    call_type: z.string().min(1).max(64),
    /** SHA-256 hex of the virtual key; a raw key is refused so that one can never reach the logs. */
    api_key: z
      .string()
      .regex(/^[0-9a-f]{64}$/, 'must be the SHA-256 hex of the key, never the raw key')
      .nullable()
      .default(null),
    /** Exact cost in nano-USD (decimal string, or safe integer); null when the model has no price. */
    cost_nano: nanoUsdStringSchema.nullable(),
    prompt_tokens: tokenCount,
    completion_tokens: tokenCount,
    /** Defaults to prompt + completion. */
    total_tokens: tokenCount.optional(),
    /** Part of prompt_tokens read from the provider's prompt cache. */
    cache_read_tokens: tokenCount.default(0),
    /** Part of prompt_tokens written to the provider's prompt cache. */
    cache_creation_tokens: tokenCount.default(0),
    /** Part of completion_tokens spent reasoning. */
    reasoning_tokens: tokenCount.default(0),
    start_time: instant,
    end_time: instant,
    /** First token of a stream (time to first token). */
    completion_start_time: instant.nullable().default(null),
    /** Model the provider ran (`gpt-4o-2024-08-06`). */
    model: z.string().min(1).max(255),
    /** Deployment id (`model_info.id`). */
    model_id: optionalText(255),
    /** Public model name the client asked for. */
    model_group: optionalText(255),
    /** Provider (LiteLLM's custom_llm_provider). */
    provider: optionalText(64),
    api_base: optionalText(2048),
    /** Internal user owning the key. */
    user_id: optionalText(255),
    team_id: optionalText(255),
    /** Customer (end user) named by the request. */
    end_user: optionalText(255),
    session_id: optionalText(255),
    status: z.enum(['success', 'failure']),
    request_tags: z.array(z.string().max(255)).max(64).default([]),
    metadata: z.record(z.string(), z.unknown()).default({}),
  })
  .refine((event) => Date.parse(event.end_time) >= Date.parse(event.start_time), {
    error: 'end_time is before start_time',
    path: ['end_time'],
  })
  .transform((event) => ({ ...event, total_tokens: event.total_tokens ?? event.prompt_tokens + event.completion_tokens }));

/**
 * Every version a reader accepts. Add new versions here (and upgrade them to the newest shape in a transform).
 * @alias of the one version so far, exported under both names on purpose
 */
export const spendEventSchema = spendEventV1Schema;

/** A validated spend event, JSON-safe (cost stays a decimal string). */
export type SpendEvent = z.output<typeof spendEventSchema>;

/** What a producer may write (defaults not yet applied). */
export type SpendEventInput = z.input<typeof spendEventSchema>;
