import { z } from 'zod';
import { responsesInputContentPartSchema, responsesOutputContentPartSchema } from './responses-content-part.js';

const itemStatusSchema = z.enum(['in_progress', 'completed', 'incomplete']);

/**
 * A message in `input`: `{role, content}` with or without `type: "message"` (the SDKs send both). Content is a
 * string or parts; assistant history carries `output_text` parts.
 */
export const responsesInputMessageSchema = z.looseObject({
  type: z.literal('message').optional(),
  /** Id of a stored output message, when replayed as history. */
  id: z.string().nullish(),
  /** Who wrote it; `system` and `developer` are instructions. */
  role: z.enum(['user', 'assistant', 'system', 'developer']),
  /** A string or content parts. */
  content: z.union([z.string(), z.array(responsesInputContentPartSchema)]),
  status: itemStatusSchema.nullish(),
});

/** A message the model produced (an item of `output`). */
export const responsesOutputMessageSchema = z.looseObject({
  type: z.literal('message'),
  /** `msg_…` */
  id: z.string(),
  role: z.literal('assistant'),
  /** Text and refusal parts. */
  content: z.array(responsesOutputContentPartSchema),
  status: itemStatusSchema,
});

/** A function call the model made; replayed in `input` as history (then `id` and `status` are optional). */
export const functionCallItemSchema = z.looseObject({
  type: z.literal('function_call'),
  /** `fc_…`; clients may omit it when replaying. */
  id: z.string().nullish(),
  /** The id the result (`function_call_output`) answers. */
  call_id: z.string().min(1),
  /** Name of the function. */
  name: z.string().min(1),
  /** Arguments as a JSON string, exactly as the model produced them. */
  arguments: z.string(),
  status: itemStatusSchema.nullish(),
});

/** The result of a function call, sent by the client. */
export const functionCallOutputItemSchema = z.looseObject({
  type: z.literal('function_call_output'),
  /** Id of this item, when the client names it. */
  id: z.string().nullish(),
  /** The `call_id` of the function call this answers. */
  call_id: z.string().min(1),
  /** The result: a string, or text/image/file parts. */
  output: z.union([z.string(), z.array(responsesInputContentPartSchema)]),
  status: itemStatusSchema.nullish(),
});

/** A summary part of a reasoning item. */
export const reasoningSummaryPartSchema = z.looseObject({
  type: z.literal('summary_text'),
  text: z.string(),
});

/**
 * Reasoning the model did (an output item, replayed as history). `encrypted_content` is opaque: kept and sent back
 * unchanged, never read.
 */
export const reasoningItemSchema = z.looseObject({
  type: z.literal('reasoning'),
  /** `rs_…` */
  id: z.string().nullish(),
  /** Readable summaries of the reasoning. */
  summary: z.array(reasoningSummaryPartSchema),
  /** Raw reasoning text, where the model exposes it. */
  content: z.array(z.looseObject({ type: z.literal('reasoning_text'), text: z.string() })).nullish(),
  /** Provider-encrypted reasoning state, round-tripped unchanged. */
  encrypted_content: z.string().nullish(),
  status: itemStatusSchema.nullish(),
});

/**
 * A reference to an item of a stored response (its output, or an input item it kept), by id: what clients send back
 * instead of the item when responses are stored (the AI SDK does for reasoning and messages). Resolved by the
 * proxy from the caller's stored responses before translation.
 */
export const itemReferenceSchema = z.looseObject({
  type: z.literal('item_reference'),
  /** Id of the stored item (`rs_…`, `msg_…`, `fc_…`). */
  id: z.string().min(1),
});

/** Any item of a request's `input`. */
export const responsesInputItemSchema = z.union([
  responsesInputMessageSchema,
  functionCallItemSchema,
  functionCallOutputItemSchema,
  reasoningItemSchema,
  itemReferenceSchema,
]);

/** Any item of a Response's `output`. */
export const responsesOutputItemSchema = z.discriminatedUnion('type', [
  responsesOutputMessageSchema,
  functionCallItemSchema,
  reasoningItemSchema,
]);

export type ResponsesInputMessage = z.infer<typeof responsesInputMessageSchema>;
export type ResponsesOutputMessage = z.infer<typeof responsesOutputMessageSchema>;
export type FunctionCallItem = z.infer<typeof functionCallItemSchema>;
export type FunctionCallOutputItem = z.infer<typeof functionCallOutputItemSchema>;
export type ReasoningItem = z.infer<typeof reasoningItemSchema>;
export type ItemReference = z.infer<typeof itemReferenceSchema>;
export type ResponsesInputItem = z.infer<typeof responsesInputItemSchema>;
export type ResponsesOutputItem = z.infer<typeof responsesOutputItemSchema>;
