import { z } from 'zod';
import { cacheControlSchema } from './chat-content-part.js';

/** A function the model may call, as declared in a request's `tools`. */
export const functionDefinitionSchema = z.looseObject({
  /** Name the model calls it by: letters, digits, `_` and `-`, at most 64 characters (checked by providers). */
  name: z.string().min(1),
  /** What the function does; the model reads it to decide when to call it. */
  description: z.string().nullish(),
  /** JSON Schema of the arguments object. Omitted means the function takes no arguments. */
  parameters: z.record(z.string(), z.unknown()).nullish(),
  /** Whether the model must follow `parameters` exactly (OpenAI structured outputs). */
  strict: z.boolean().nullish(),
});

/** One entry of a request's `tools`. Only function tools exist across providers. */
export const chatToolSchema = z.looseObject({
  /** Always `function`. */
  type: z.literal('function'),
  /** The function. */
  function: functionDefinitionSchema,
  /** Provider prompt-caching marker (LiteLLM extension): caches the tool list up to here. */
  cache_control: cacheControlSchema.nullish(),
});

/** A request's `tool_choice`: a mode, or one named function the model must call. */
export const chatToolChoiceSchema = z.union([
  z.enum(['none', 'auto', 'required']),
  z.looseObject({
    /** Always `function`. */
    type: z.literal('function'),
    /** The function the model must call. */
    function: z.looseObject({ name: z.string().min(1) }),
  }),
]);

/** A tool call in an assistant message the client sends back as history. */
export const chatToolCallSchema = z.looseObject({
  /** Id the model gave the call; the matching `tool` message repeats it as `tool_call_id`. */
  id: z.string(),
  /** Always `function`. */
  type: z.literal('function'),
  /** The function called and its arguments. */
  function: z.looseObject({
    /** Name of the function called. */
    name: z.string(),
    /** Arguments as a JSON string, exactly as the model produced them (possibly invalid JSON). */
    arguments: z.string(),
  }),
});

/** Legacy `function_call` request param (deprecated by OpenAI in favour of `tool_choice`). */
export const legacyFunctionCallChoiceSchema = z.union([
  z.enum(['none', 'auto']),
  z.looseObject({
    /** The function the model must call. */
    name: z.string().min(1),
  }),
]);

export type FunctionDefinition = z.infer<typeof functionDefinitionSchema>;
export type ChatTool = z.infer<typeof chatToolSchema>;
export type ChatToolChoice = z.infer<typeof chatToolChoiceSchema>;
export type ChatToolCall = z.infer<typeof chatToolCallSchema>;
export type LegacyFunctionCallChoice = z.infer<typeof legacyFunctionCallChoiceSchema>;
