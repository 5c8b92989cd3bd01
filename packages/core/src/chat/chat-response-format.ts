import { z } from 'zod';

/** A request's `response_format`: free text, any JSON object, or JSON following a schema (structured outputs). */
export const chatResponseFormatSchema = z.discriminatedUnion('type', [
  z.looseObject({ type: z.literal('text') }),
  z.looseObject({ type: z.literal('json_object') }),
  z.looseObject({
    /** Format kind: JSON following `json_schema.schema`. */
    type: z.literal('json_schema'),
    /** The schema and its name. */
    json_schema: z.looseObject({
      /** Name of the format: letters, digits, `_` and `-`, at most 64 characters. */
      name: z.string().min(1),
      /** What the format is for; the model reads it. */
      description: z.string().nullish(),
      /** The JSON Schema the reply must follow. */
      schema: z.record(z.string(), z.unknown()).nullish(),
      /** Whether the provider must enforce `schema` exactly. */
      strict: z.boolean().nullish(),
    }),
  }),
]);

export type ChatResponseFormat = z.infer<typeof chatResponseFormatSchema>;
