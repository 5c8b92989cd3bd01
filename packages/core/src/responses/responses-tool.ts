import { z } from 'zod';

/** A function the model may call (Responses' flat shape: `name` beside `type`, not under `function`). */
export const responsesFunctionToolSchema = z.looseObject({
  type: z.literal('function'),
  /** Name the model calls it by. */
  name: z.string().min(1),
  /** What the function does. */
  description: z.string().nullish(),
  /** JSON Schema of the arguments object. */
  parameters: z.record(z.string(), z.unknown()).nullish(),
  /** Whether the model must follow `parameters` exactly (OpenAI's default here is true). */
  strict: z.boolean().nullish(),
});

/**
 * An entry of `tools` as read from the wire: any `type`, so that a built-in tool (`web_search`, `file_search`, …)
 * can be refused by name (`parseResponsesCreateRequest`) rather than as a schema mismatch.
 */
export const responsesToolEntrySchema = z.looseObject({ type: z.string().min(1) });

/** `tool_choice`: a mode, or one named function. */
export const responsesToolChoiceSchema = z.union([
  z.enum(['none', 'auto', 'required']),
  z.looseObject({ type: z.literal('function'), name: z.string().min(1) }),
]);

export type ResponsesFunctionTool = z.infer<typeof responsesFunctionToolSchema>;
export type ResponsesToolChoice = z.infer<typeof responsesToolChoiceSchema>;
