import { z } from 'zod';
import { responsesInputItemSchema } from './responses-item.js';
import { responsesTextFormatSchema } from './responses-text-format.js';
import { responsesToolChoiceSchema, responsesToolEntrySchema } from './responses-tool.js';

/**
 * The body of `POST /v1/responses`. Standard params are checked strictly (a wrong type or value is a 400 naming
 * it); optional params may be null. Tools are checked by `parseResponsesCreateRequest`, which refuses built-in
 * tools by name.
 */
export const responsesCreateRequestSchema = z.looseObject({
  /** Model to use, as for chat completions. */
  model: z.string().min(1),
  /** The conversation: a user message as a string, or items (messages, function calls and results, reasoning). */
  input: z.union([z.string(), z.array(responsesInputItemSchema)]).nullish(),
  /** Instructions put before the input (a system message); not carried over by `previous_response_id`. */
  instructions: z.string().nullish(),
  /** Functions the model may call. */
  tools: z.array(responsesToolEntrySchema).nullish(),
  /** Whether and which function the model must call. */
  tool_choice: responsesToolChoiceSchema.nullish(),
  /** Whether the model may call several functions in one turn. */
  parallel_tool_calls: z.boolean().nullish(),
  /** Output format. */
  text: z.looseObject({ format: responsesTextFormatSchema.nullish(), verbosity: z.enum(['low', 'medium', 'high']).nullish() }).nullish(),
  /** Reasoning settings. */
  reasoning: z
    .looseObject({
      effort: z.enum(['none', 'minimal', 'low', 'medium', 'high', 'xhigh']).nullish(),
      summary: z.enum(['auto', 'concise', 'detailed']).nullish(),
    })
    .nullish(),
  /** Maximum output tokens, reasoning included. */
  max_output_tokens: z.number().int().positive().nullish(),
  /** Sampling temperature, 0–2. */
  temperature: z.number().min(0).max(2).nullish(),
  /** Nucleus sampling, 0–1. */
  top_p: z.number().min(0).max(1).nullish(),
  /** Keep the response so that it can be read back and continued (default true, as OpenAI). */
  store: z.boolean().nullish(),
  /** Continue from a stored response: its input and output come before this input. */
  previous_response_id: z.string().min(1).nullish(),
  /** Up to 16 string pairs stored with the response. */
  metadata: z.record(z.string(), z.string()).nullish(),
  /** Stream the answer as Responses events. */
  stream: z.boolean().nullish(),
  /** Stable id of the end user; the gateway also attributes spend to it. */
  user: z.string().nullish(),
  /** Extra output to include (e.g. `reasoning.encrypted_content`); accepted, served where the provider has it. */
  include: z.array(z.string()).nullish(),
  /** Truncation strategy; only `disabled` (the default) is served. */
  truncation: z.enum(['disabled', 'auto']).nullish(),
});

/** A validated Responses create request. */
export type ResponsesCreateRequest = z.infer<typeof responsesCreateRequestSchema>;
