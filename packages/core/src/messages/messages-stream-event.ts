import { z } from 'zod';
import { messagesErrorSchema } from './messages-error.js';
import { messagesResponseBlockSchema, messagesResponseSchema, messagesStopReasonSchema } from './messages-response.js';

/** What a `content_block_delta` adds to its block. */
export const messagesBlockDeltaSchema = z.discriminatedUnion('type', [
  z.looseObject({ type: z.literal('text_delta'), text: z.string() }),
  z.looseObject({ type: z.literal('input_json_delta'), partial_json: z.string() }),
  z.looseObject({ type: z.literal('thinking_delta'), thinking: z.string() }),
  z.looseObject({ type: z.literal('signature_delta'), signature: z.string() }),
]);

/** One event of a streamed reply (https://docs.anthropic.com/en/docs/build-with-claude/streaming). */
export const messagesStreamEventSchema = z.discriminatedUnion('type', [
  z.looseObject({ type: z.literal('message_start'), message: messagesResponseSchema }),
  z.looseObject({ type: z.literal('content_block_start'), index: z.number().int().nonnegative(), content_block: messagesResponseBlockSchema }),
  z.looseObject({ type: z.literal('content_block_delta'), index: z.number().int().nonnegative(), delta: messagesBlockDeltaSchema }),
  z.looseObject({ type: z.literal('content_block_stop'), index: z.number().int().nonnegative() }),
  z.looseObject({
    type: z.literal('message_delta'),
    delta: z.looseObject({ stop_reason: messagesStopReasonSchema.nullable(), stop_sequence: z.string().nullable() }),
    /** Cumulative counts; `output_tokens` is final here. */
    usage: z.looseObject({
      output_tokens: z.number().int().nonnegative(),
      input_tokens: z.number().int().nonnegative().nullish(),
      cache_creation_input_tokens: z.number().int().nonnegative().nullish(),
      cache_read_input_tokens: z.number().int().nonnegative().nullish(),
    }),
  }),
  z.looseObject({ type: z.literal('message_stop') }),
  z.looseObject({ type: z.literal('ping') }),
  z.looseObject({ type: z.literal('error'), error: messagesErrorSchema.shape.error }),
]);

export type MessagesBlockDelta = z.infer<typeof messagesBlockDeltaSchema>;
export type MessagesStreamEvent = z.infer<typeof messagesStreamEventSchema>;
