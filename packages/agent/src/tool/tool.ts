import { z } from 'zod';
import { ToolDefinitionError } from '../errors/tool-definition-error.js';
import { toolJsonSchema } from './tool-json-schema.js';

/** What a tool's `execute` receives besides its arguments. */
export interface ToolContext {
  /** Id of the model's tool call being answered. */
  readonly callId: string;
  /** Aborted when the run stops or the tool's time is up; long-running tools should honour it. */
  readonly signal: AbortSignal;
}

/** A tool the agent can offer the model. Build one with {@link tool}. */
export interface Tool<Args = unknown> {
  /** Name the model calls it by. */
  readonly name: string;
  /** What it does; the model reads it to decide when to call it. */
  readonly description: string;
  /** Schema of the arguments (a zod object); the model's arguments are parsed with it before `execute` runs. */
  readonly parameters: z.ZodType;
  /** JSON Schema of the arguments, as the model receives it. */
  readonly jsonSchema: Readonly<Record<string, unknown>>;
  /** Time limit of one execution in milliseconds; undefined: the agent's `toolTimeoutMs`. */
  readonly timeoutMs: number | undefined;
  /**
   * Runs the tool. A string result is sent to the model as is, anything else as JSON. A thrown error becomes a
   * tool error result the model can react to.
   */
  execute(args: Args, context: ToolContext): unknown;
}

/** What {@link tool} takes. */
export interface ToolOptions<Parameters extends z.ZodObject<z.ZodRawShape, z.core.$ZodObjectConfig>> {
  /** 1–64 letters, digits, `_` or `-` (what every provider accepts). */
  name: string;
  /** What the tool does, for the model. */
  description: string;
  /** A `z.object(...)`: the arguments. Use `.describe()` on fields to explain them to the model. */
  parameters: Parameters;
  /** Runs the tool with the parsed arguments. */
  execute: (args: z.output<Parameters>, context: ToolContext) => unknown;
  /** Time limit of one execution in milliseconds (default: the agent's `toolTimeoutMs`). */
  timeoutMs?: number;
}

const TOOL_NAME = /^[a-zA-Z0-9_-]{1,64}$/;

/**
 * Defines a tool: the JSON Schema the model sees is derived from the zod `parameters`, and the model's arguments
 * are parsed with them (a JSON or validation failure goes back to the model as a tool error it can correct). A bad
 * definition — invalid name, parameters that are not an object schema or cannot be expressed as JSON Schema —
 * throws a {@link ToolDefinitionError} here, not on the first call.
 */
export function tool<Parameters extends z.ZodObject<z.ZodRawShape, z.core.$ZodObjectConfig>>(
  options: ToolOptions<Parameters>,
): Tool<z.output<Parameters>> {
  const name = typeof options.name === 'string' ? options.name : String(options.name);
  if (!TOOL_NAME.test(name)) {
    throw new ToolDefinitionError(name, 'the name must be 1-64 characters of letters, digits, "_" or "-".');
  }
  if (typeof options.description !== 'string' || options.description.trim() === '') {
    throw new ToolDefinitionError(name, 'a description is required (the model reads it to decide when to call the tool).');
  }
  if (typeof options.execute !== 'function') throw new ToolDefinitionError(name, '`execute` must be a function.');
  if (options.timeoutMs !== undefined && !(Number.isInteger(options.timeoutMs) && options.timeoutMs > 0)) {
    throw new ToolDefinitionError(name, '`timeoutMs` must be a positive integer.');
  }
  const jsonSchema = toolJsonSchema(name, options.parameters);
  return Object.freeze({
    name,
    description: options.description,
    parameters: options.parameters,
    jsonSchema,
    timeoutMs: options.timeoutMs,
    execute: options.execute,
  });
}
