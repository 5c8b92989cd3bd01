import { z } from 'zod';
import { cacheControlSchema } from '../chat/chat-content-part.js';

// Content blocks of Anthropic Messages requests (https://docs.anthropic.com/en/api/messages). Loose: fields added
// by newer API versions (`citations`, `caller`…) are kept and ignored.

/** A `text` block. */
export const messagesTextBlockSchema = z.looseObject({
  type: z.literal('text'),
  text: z.string(),
  cache_control: cacheControlSchema.nullish(),
});

/** Where an image's or a document's bytes are: inline base64, a URL, or text (documents only). */
export const messagesSourceSchema = z.union([
  z.looseObject({ type: z.literal('base64'), media_type: z.string().min(1), data: z.string() }),
  z.looseObject({ type: z.literal('url'), url: z.string().min(1) }),
  z.looseObject({ type: z.literal('text'), media_type: z.string().nullish(), data: z.string() }),
  z.looseObject({ type: z.literal('file'), file_id: z.string().min(1) }),
]);

/** An `image` block. */
export const messagesImageBlockSchema = z.looseObject({
  type: z.literal('image'),
  source: messagesSourceSchema,
  cache_control: cacheControlSchema.nullish(),
});

/** A `document` block (PDF or plain text). */
export const messagesDocumentBlockSchema = z.looseObject({
  type: z.literal('document'),
  source: messagesSourceSchema,
  title: z.string().nullish(),
  cache_control: cacheControlSchema.nullish(),
});

/** A `tool_use` block: a call the model made, sent back as history. */
export const messagesToolUseBlockSchema = z.looseObject({
  type: z.literal('tool_use'),
  id: z.string().min(1),
  name: z.string().min(1),
  input: z.unknown(),
  cache_control: cacheControlSchema.nullish(),
});

/** A `tool_result` block: the client's answer to a `tool_use`. */
export const messagesToolResultBlockSchema = z.looseObject({
  type: z.literal('tool_result'),
  tool_use_id: z.string().min(1),
  content: z.union([z.string(), z.array(z.union([messagesTextBlockSchema, messagesImageBlockSchema]))]).nullish(),
  is_error: z.boolean().nullish(),
  cache_control: cacheControlSchema.nullish(),
});

/** A `thinking` block with its signature, sent back unchanged. */
export const messagesThinkingBlockSchema = z.looseObject({
  type: z.literal('thinking'),
  thinking: z.string(),
  signature: z.string().nullish(),
});

/** A `redacted_thinking` block, sent back unchanged. */
export const messagesRedactedThinkingBlockSchema = z.looseObject({
  type: z.literal('redacted_thinking'),
  data: z.string(),
});

/** Any content block of a request message. */
export const messagesContentBlockSchema = z.discriminatedUnion('type', [
  messagesTextBlockSchema,
  messagesImageBlockSchema,
  messagesDocumentBlockSchema,
  messagesToolUseBlockSchema,
  messagesToolResultBlockSchema,
  messagesThinkingBlockSchema,
  messagesRedactedThinkingBlockSchema,
]);

export type MessagesTextBlock = z.infer<typeof messagesTextBlockSchema>;
export type MessagesSource = z.infer<typeof messagesSourceSchema>;
export type MessagesImageBlock = z.infer<typeof messagesImageBlockSchema>;
export type MessagesDocumentBlock = z.infer<typeof messagesDocumentBlockSchema>;
export type MessagesToolUseBlock = z.infer<typeof messagesToolUseBlockSchema>;
export type MessagesToolResultBlock = z.infer<typeof messagesToolResultBlockSchema>;
export type MessagesThinkingBlock = z.infer<typeof messagesThinkingBlockSchema>;
export type MessagesRedactedThinkingBlock = z.infer<typeof messagesRedactedThinkingBlockSchema>;
export type MessagesContentBlock = z.infer<typeof messagesContentBlockSchema>;
