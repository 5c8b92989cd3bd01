import { z } from 'zod';

/** `text.format`: free text, any JSON object, or JSON following a schema (flat: `name`/`schema` beside `type`). */
export const responsesTextFormatSchema = z.discriminatedUnion('type', [
  z.looseObject({ type: z.literal('text') }),
  z.looseObject({ type: z.literal('json_object') }),
  z.looseObject({
    type: z.literal('json_schema'),
    /** Name of the format. */
    name: z.string().min(1),
    /** What the format is for. */
    description: z.string().nullish(),
    /** The JSON Schema the reply must follow. */
    schema: z.record(z.string(), z.unknown()),
    /** Whether the provider must enforce `schema` exactly. */
    strict: z.boolean().nullish(),
  }),
]);

export type ResponsesTextFormat = z.infer<typeof responsesTextFormatSchema>;
