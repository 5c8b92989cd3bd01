import { z } from 'zod';
import { cacheControlSchema } from '../chat/chat-content-part.js';
import { messagesContentBlockSchema, messagesTextBlockSchema } from './messages-content-block.js';

/**
 * A message of the conversation. Anthropic has only `user` and `assistant` turns; Claude Code also sends
 * `system` turns between user turns, which are accepted as instructions at that point.
 */
export const messagesMessageSchema = z.looseObject({
  role: z.enum(['user', 'assistant', 'system']),
  content: z.union([z.string(), z.array(messagesContentBlockSchema)]),
});

/** A tool the model may call. `input_schema` may be absent on placeholder tools (Claude Code's deferred tools). */
export const messagesToolSchema = z.looseObject({
  name: z.string().min(1),
  description: z.string().nullish(),
  input_schema: z.record(z.string(), z.unknown()).nullish(),
  /** Server tools (`web_search_20250305`…) carry a type; custom tools have none or `custom`. */
  type: z.string().nullish(),
  cache_control: cacheControlSchema.nullish(),
});

/** `tool_choice`: let the model decide, make it call some tool, a named tool, or none. */
export const messagesToolChoiceSchema = z.discriminatedUnion('type', [
  z.looseObject({ type: z.literal('auto'), disable_parallel_tool_use: z.boolean().nullish() }),
  z.looseObject({ type: z.literal('any'), disable_parallel_tool_use: z.boolean().nullish() }),
  z.looseObject({ type: z.literal('tool'), name: z.string().min(1), disable_parallel_tool_use: z.boolean().nullish() }),
  z.looseObject({ type: z.literal('none') }),
]);

/** Extended thinking: `enabled` with a budget, `disabled`, or `adaptive` (the model decides; Claude Code sends it). */
export const messagesThinkingConfigSchema = z.discriminatedUnion('type', [
  z.looseObject({ type: z.literal('enabled'), budget_tokens: z.number().int().positive() }),
  z.looseObject({ type: z.literal('disabled') }),
  z.looseObject({ type: z.literal('adaptive') }),
]);

/** The fields a Messages request and a count_tokens request share. */
const promptFields = {
  model: z.string().min(1),
  messages: z.array(messagesMessageSchema).min(1),
  system: z.union([z.string(), z.array(messagesTextBlockSchema)]).nullish(),
  tools: z.array(messagesToolSchema).nullish(),
  tool_choice: messagesToolChoiceSchema.nullish(),
  thinking: messagesThinkingConfigSchema.nullish(),
};

/** `POST /v1/messages`. Loose: newer fields (`context_management`, `output_config`…) are kept, and not forwarded. */
export const messagesRequestSchema = z.looseObject({
  ...promptFields,
  max_tokens: z.number().int().positive(),
  stop_sequences: z.array(z.string()).nullish(),
  temperature: z.number().min(0).max(1).nullish(),
  top_p: z.number().min(0).max(1).nullish(),
  top_k: z.number().int().nonnegative().nullish(),
  metadata: z.looseObject({ user_id: z.string().nullish() }).nullish(),
  stream: z.boolean().nullish(),
});

/** `POST /v1/messages/count_tokens`: the prompt only. */
export const messagesCountTokensRequestSchema = z.looseObject(promptFields);

/** `POST /v1/messages/count_tokens`'s answer. */
export const messagesCountTokensResponseSchema = z.looseObject({ input_tokens: z.number().int().nonnegative() });

export type MessagesMessage = z.infer<typeof messagesMessageSchema>;
export type MessagesTool = z.infer<typeof messagesToolSchema>;
export type MessagesToolChoice = z.infer<typeof messagesToolChoiceSchema>;
export type MessagesThinkingConfig = z.infer<typeof messagesThinkingConfigSchema>;
export type MessagesRequest = z.infer<typeof messagesRequestSchema>;
export type MessagesCountTokensRequest = z.infer<typeof messagesCountTokensRequestSchema>;
export type MessagesCountTokensResponse = z.infer<typeof messagesCountTokensResponseSchema>;
