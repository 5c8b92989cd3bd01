import { z } from 'zod';
import { responsesOutputItemSchema } from './responses-item.js';
import { responsesTextFormatSchema } from './responses-text-format.js';
import { responsesFunctionToolSchema, responsesToolChoiceSchema } from './responses-tool.js';
import { responsesUsageSchema } from './responses-usage.js';

/** Where a response stands. */
export const responseStatusSchema = z.enum(['completed', 'failed', 'in_progress', 'cancelled', 'queued', 'incomplete']);

/**
 * A Response (`object: "response"`): what `POST /v1/responses` answers and `GET /v1/responses/{id}` reads back.
 * It echoes the effective settings of the request, as OpenAI does. Tolerant: unknown fields are kept.
 */
export const responseObjectSchema = z.looseObject({
  /** `resp_…` */
  id: z.string(),
  object: z.literal('response'),
  /** Unix time (seconds). */
  created_at: z.number().int(),
  status: responseStatusSchema,
  /** Unix time (seconds) it completed; null until then. */
  completed_at: z.number().int().nullish(),
  /** Why it failed, when it did. */
  error: z.looseObject({ code: z.string().nullish(), message: z.string() }).nullable(),
  /** Why it is incomplete (`max_output_tokens`, `content_filter`). */
  incomplete_details: z.looseObject({ reason: z.string() }).nullable(),
  instructions: z.string().nullable(),
  max_output_tokens: z.number().int().nullable(),
  /** The model that answered, as the provider names it. */
  model: z.string(),
  /** Messages, function calls and reasoning the model produced, in order. */
  output: z.array(responsesOutputItemSchema),
  parallel_tool_calls: z.boolean(),
  previous_response_id: z.string().nullable(),
  reasoning: z.looseObject({ effort: z.string().nullish(), summary: z.string().nullish() }).nullish(),
  store: z.boolean(),
  temperature: z.number().nullable(),
  text: z.looseObject({ format: responsesTextFormatSchema }),
  tool_choice: responsesToolChoiceSchema,
  tools: z.array(responsesFunctionToolSchema),
  top_p: z.number().nullable(),
  truncation: z.enum(['disabled', 'auto']),
  usage: responsesUsageSchema.nullable(),
  user: z.string().nullable(),
  metadata: z.record(z.string(), z.string()),
});

export type ResponseStatus = z.infer<typeof responseStatusSchema>;
/** A Response as Tollgate answers it. */
export type ResponseObject = z.infer<typeof responseObjectSchema>;
