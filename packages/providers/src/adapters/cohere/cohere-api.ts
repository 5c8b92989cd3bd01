import { z } from 'zod';

// Wire schemas of Cohere's v2 API (https://docs.cohere.com/reference/chat), minimal and tolerant: only the fields
// we read, every one `.nullish()`, unknown fields ignored.

/** `usage`: `tokens` are the model's real counts (system preamble included), `billed_units` what Cohere bills. */
export const cohereUsageSchema = z.looseObject({
  billed_units: z
    .looseObject({ input_tokens: z.number().nullish(), output_tokens: z.number().nullish() })
    .nullish(),
  tokens: z.looseObject({ input_tokens: z.number().nullish(), output_tokens: z.number().nullish() }).nullish(),
  /** Input tokens served from Cohere's prompt cache (part of `tokens.input_tokens`). */
  cached_tokens: z.number().nullish(),
});

/** A tool call, OpenAI-shaped; in streams the fields arrive spread over `tool-call-start` and `tool-call-delta`. */
export const cohereToolCallSchema = z.looseObject({
  id: z.string().nullish(),
  type: z.string().nullish(),
  function: z.looseObject({ name: z.string().nullish(), arguments: z.string().nullish() }).nullish(),
});

/** A content block of an assistant message: `text`, or `thinking` (reasoning models). */
export const cohereContentBlockSchema = z.looseObject({
  type: z.string().nullish(),
  text: z.string().nullish(),
  thinking: z.string().nullish(),
});

/** The non-streamed chat response. */
export const cohereChatResponseSchema = z.looseObject({
  id: z.string().nullish(),
  message: z
    .looseObject({
      content: z.array(cohereContentBlockSchema).nullish(),
      /** The model's plan before calling tools. */
      tool_plan: z.string().nullish(),
      tool_calls: z.array(cohereToolCallSchema).nullish(),
    })
    .nullish(),
  finish_reason: z.string().nullish(),
  usage: cohereUsageSchema.nullish(),
});

/**
 * One stream event (`message-start`, `content-delta`, `tool-call-start`, `message-end`…); fields by event type.
 * `message-start` repeats the message skeleton, where `content` and `tool_calls` are (empty) arrays; deltas carry
 * single objects.
 */
export const cohereStreamEventSchema = z.looseObject({
  type: z.string().nullish(),
  id: z.string().nullish(),
  index: z.number().nullish(),
  delta: z
    .looseObject({
      message: z
        .looseObject({
          content: z.union([cohereContentBlockSchema, z.array(z.unknown())]).nullish(),
          tool_plan: z.string().nullish(),
          tool_calls: z.union([cohereToolCallSchema, z.array(z.unknown())]).nullish(),
        })
        .nullish(),
      finish_reason: z.string().nullish(),
      usage: cohereUsageSchema.nullish(),
      /** Set on an error end of stream. */
      error: z.string().nullish(),
    })
    .nullish(),
});

/** v2 embed response (https://docs.cohere.com/reference/embed). */
export const cohereEmbedResponseSchema = z.looseObject({
  embeddings: z.looseObject({ float: z.array(z.array(z.number())).nullish() }),
  meta: z
    .looseObject({ billed_units: z.looseObject({ input_tokens: z.number().nullish() }).nullish() })
    .nullish(),
});

export type CohereUsage = z.infer<typeof cohereUsageSchema>;
export type CohereStreamEvent = z.infer<typeof cohereStreamEventSchema>;
