import { z } from 'zod';

// Wire schemas of the Anthropic Messages API (https://docs.anthropic.com/en/api/messages), minimal and tolerant:
// only the fields we read, every one `.nullish()` where Anthropic may omit it, unknown fields ignored.

/** `usage` on a message (and, partially, on `message_delta` events). `input_tokens` EXCLUDES cache reads/writes. */
export const anthropicUsageSchema = z.looseObject({
  input_tokens: z.number().nullish(),
  output_tokens: z.number().nullish(),
  cache_creation_input_tokens: z.number().nullish(),
  cache_read_input_tokens: z.number().nullish(),
});

/** One block of a response's `content`. Types we do not map (server tools, citations…) pass as `unknown` blocks. */
export const anthropicResponseBlockSchema = z.looseObject({
  type: z.string(),
  /** `text` blocks. */
  text: z.string().nullish(),
  /** `thinking` blocks. */
  thinking: z.string().nullish(),
  /** `thinking` blocks: the signature that must be sent back unchanged. */
  signature: z.string().nullish(),
  /** `redacted_thinking` blocks: encrypted reasoning, sent back unchanged. */
  data: z.string().nullish(),
  /** `tool_use` blocks. */
  id: z.string().nullish(),
  name: z.string().nullish(),
  input: z.unknown().optional(),
});

/** A non-streamed `message` response. */
export const anthropicMessageSchema = z.looseObject({
  id: z.string().nullish(),
  model: z.string().nullish(),
  content: z.array(anthropicResponseBlockSchema).nullish(),
  stop_reason: z.string().nullish(),
  usage: anthropicUsageSchema.nullish(),
});

/** The error object of an error body or an in-stream `error` event. */
export const anthropicErrorBodySchema = z.looseObject({
  type: z.string().nullish(),
  error: z
    .looseObject({
      /** `invalid_request_error`, `authentication_error`, `rate_limit_error`, `overloaded_error`… */
      type: z.string().nullish(),
      message: z.string().nullish(),
    })
    .nullish(),
  request_id: z.string().nullish(),
});

/**
 * One streaming event (https://docs.anthropic.com/en/docs/build-with-claude/streaming). One loose schema for all
 * event types, since they share field names; the parser switches on `type`.
 */
export const anthropicStreamEventSchema = z.looseObject({
  type: z.string(),
  /** `message_start`. */
  message: anthropicMessageSchema.nullish(),
  /** `content_block_*`: the block's position in the message. */
  index: z.number().nullish(),
  /** `content_block_start`. */
  content_block: anthropicResponseBlockSchema.nullish(),
  /** `content_block_delta` (`text_delta`, `input_json_delta`, `thinking_delta`, `signature_delta`) and `message_delta`. */
  delta: z
    .looseObject({
      type: z.string().nullish(),
      text: z.string().nullish(),
      partial_json: z.string().nullish(),
      thinking: z.string().nullish(),
      signature: z.string().nullish(),
      stop_reason: z.string().nullish(),
    })
    .nullish(),
  /** `message_delta`: cumulative counts; newer API versions repeat input and cache counts here. */
  usage: anthropicUsageSchema.nullish(),
  /** `error`. */
  error: anthropicErrorBodySchema.shape.error,
});

export type AnthropicUsage = z.infer<typeof anthropicUsageSchema>;
export type AnthropicResponseBlock = z.infer<typeof anthropicResponseBlockSchema>;
export type AnthropicStreamEvent = z.infer<typeof anthropicStreamEventSchema>;

// Request side: plain TypeScript types, since we build these bodies ourselves.

/** Prompt-caching marker, forwarded as the caller wrote it (`{type: 'ephemeral', ttl?}`). */
export type AnthropicCacheControl = Readonly<Record<string, unknown>>;

/** Where an image or document's bytes come from. */
export type AnthropicSource =
  | { type: 'base64'; media_type: string; data: string }
  | { type: 'url'; url: string }
  | { type: 'file'; file_id: string };

/** A content block of a request message or of `system`. */
export type AnthropicContentBlockParam = (
  | { type: 'text'; text: string }
  | { type: 'image'; source: AnthropicSource }
  | { type: 'document'; source: AnthropicSource; title?: string }
  | { type: 'tool_use'; id: string; name: string; input: unknown }
  | { type: 'tool_result'; tool_use_id: string; content: string | AnthropicContentBlockParam[]; is_error?: boolean }
  | { type: 'thinking'; thinking: string; signature: string }
  | { type: 'redacted_thinking'; data: string }
) & { cache_control?: AnthropicCacheControl };

/** A request message: Anthropic has only `user` and `assistant` turns. */
export interface AnthropicMessageParam {
  role: 'user' | 'assistant';
  content: AnthropicContentBlockParam[];
}

/** A tool declaration. */
export interface AnthropicToolParam {
  name: string;
  description?: string;
  input_schema: Record<string, unknown>;
  cache_control?: AnthropicCacheControl;
}

/** `tool_choice`. */
export type AnthropicToolChoiceParam =
  | { type: 'auto' | 'any' | 'none'; disable_parallel_tool_use?: boolean }
  | { type: 'tool'; name: string; disable_parallel_tool_use?: boolean };
