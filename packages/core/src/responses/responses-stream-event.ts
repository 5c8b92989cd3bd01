import { z } from 'zod';
import { responsesOutputContentPartSchema } from './responses-content-part.js';
import { reasoningSummaryPartSchema, responsesOutputItemSchema } from './responses-item.js';
import { responseObjectSchema } from './response-object.js';

/** Fields every event has: its type (also the SSE `event:` name) and a per-stream counter from 0. */
const base = <Type extends string>(type: Type) => ({ type: z.literal(type), sequence_number: z.number().int().nonnegative() });
const itemAddress = { item_id: z.string(), output_index: z.number().int().nonnegative() };
const partAddress = { ...itemAddress, content_index: z.number().int().nonnegative() };
const summaryAddress = { ...itemAddress, summary_index: z.number().int().nonnegative() };

const responseEvent = <Type extends string>(type: Type) => z.looseObject({ ...base(type), response: responseObjectSchema });

/**
 * One event of a streamed Response, told apart by `type`. A stream opens with `response.created` and
 * `response.in_progress`, then each output item is `output_item.added` … `output_item.done`, and it ends with
 * `response.completed` (or `error` + `response.failed`); there is no `[DONE]`.
 */
export const responsesStreamEventSchema = z.discriminatedUnion('type', [
  responseEvent('response.created'),
  responseEvent('response.in_progress'),
  responseEvent('response.completed'),
  responseEvent('response.incomplete'),
  responseEvent('response.failed'),
  z.looseObject({ ...base('response.output_item.added'), output_index: z.number().int().nonnegative(), item: responsesOutputItemSchema }),
  z.looseObject({ ...base('response.output_item.done'), output_index: z.number().int().nonnegative(), item: responsesOutputItemSchema }),
  z.looseObject({ ...base('response.content_part.added'), ...partAddress, part: responsesOutputContentPartSchema }),
  z.looseObject({ ...base('response.content_part.done'), ...partAddress, part: responsesOutputContentPartSchema }),
  z.looseObject({ ...base('response.output_text.delta'), ...partAddress, delta: z.string(), logprobs: z.array(z.unknown()).nullish() }),
  z.looseObject({ ...base('response.output_text.done'), ...partAddress, text: z.string(), logprobs: z.array(z.unknown()).nullish() }),
  z.looseObject({ ...base('response.refusal.delta'), ...partAddress, delta: z.string() }),
  z.looseObject({ ...base('response.refusal.done'), ...partAddress, refusal: z.string() }),
  z.looseObject({ ...base('response.function_call_arguments.delta'), ...itemAddress, delta: z.string() }),
  z.looseObject({ ...base('response.function_call_arguments.done'), ...itemAddress, arguments: z.string(), name: z.string().nullish() }),
  z.looseObject({ ...base('response.reasoning_summary_part.added'), ...summaryAddress, part: reasoningSummaryPartSchema }),
  z.looseObject({ ...base('response.reasoning_summary_part.done'), ...summaryAddress, part: reasoningSummaryPartSchema }),
  z.looseObject({ ...base('response.reasoning_summary_text.delta'), ...summaryAddress, delta: z.string() }),
  z.looseObject({ ...base('response.reasoning_summary_text.done'), ...summaryAddress, text: z.string() }),
  // OpenAI's recordings nest the error; its SDK types name the fields flat. Tollgate writes both.
  z.looseObject({
    ...base('error'),
    /** Error kind (`insufficient_quota`, `server_error`, …). */
    code: z.string().nullish(),
    message: z.string().nullish(),
    param: z.string().nullish(),
    error: z.looseObject({ type: z.string().nullish(), code: z.string().nullish(), message: z.string(), param: z.string().nullish() }).nullish(),
  }),
]);

/** An event of a streamed Response. */
export type ResponsesStreamEvent = z.infer<typeof responsesStreamEventSchema>;
/** The `type`s of streamed Response events. */
export type ResponsesStreamEventType = ResponsesStreamEvent['type'];
