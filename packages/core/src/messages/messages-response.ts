import { z } from 'zod';

/** Why the model stopped (https://docs.anthropic.com/en/api/handling-stop-reasons). */
export const messagesStopReasonSchema = z.enum([
  'end_turn',
  'max_tokens',
  'stop_sequence',
  'tool_use',
  'pause_turn',
  'refusal',
  'model_context_window_exceeded',
]);

/** Usage of a message. `input_tokens` excludes the tokens read from or written to the prompt cache. */
export const messagesUsageSchema = z.looseObject({
  input_tokens: z.number().int().nonnegative(),
  output_tokens: z.number().int().nonnegative(),
  cache_creation_input_tokens: z.number().int().nonnegative().nullish(),
  cache_read_input_tokens: z.number().int().nonnegative().nullish(),
});

/** A content block of a reply. */
export const messagesResponseBlockSchema = z.discriminatedUnion('type', [
  z.looseObject({ type: z.literal('text'), text: z.string() }),
  z.looseObject({ type: z.literal('thinking'), thinking: z.string(), signature: z.string() }),
  z.looseObject({ type: z.literal('redacted_thinking'), data: z.string() }),
  z.looseObject({ type: z.literal('tool_use'), id: z.string(), name: z.string(), input: z.unknown() }),
]);

/** A reply (`type: "message"`). */
export const messagesResponseSchema = z.looseObject({
  id: z.string(),
  type: z.literal('message'),
  role: z.literal('assistant'),
  model: z.string(),
  content: z.array(messagesResponseBlockSchema),
  stop_reason: messagesStopReasonSchema.nullable(),
  stop_sequence: z.string().nullable(),
  usage: messagesUsageSchema,
});

export type MessagesStopReason = z.infer<typeof messagesStopReasonSchema>;
export type MessagesUsage = z.infer<typeof messagesUsageSchema>;
export type MessagesResponseBlock = z.infer<typeof messagesResponseBlockSchema>;
export type MessagesResponse = z.infer<typeof messagesResponseSchema>;
