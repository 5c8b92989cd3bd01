import { z } from 'zod';
import { ToolDefinitionError } from '../errors/tool-definition-error.js';

/**
 * The JSON Schema of a tool's parameters, as providers want it: an object schema (draft-07, the dialect every
 * provider accepts) without the `$schema` marker, describing the *input* the model must write (fields with defaults
 * are optional). Throws {@link ToolDefinitionError} for anything but a zod object, or a type JSON cannot express.
 */
export function toolJsonSchema(toolName: string, parameters: unknown): Readonly<Record<string, unknown>> {
  if (!(parameters instanceof z.ZodType) || parameters.def.type !== 'object') {
    throw new ToolDefinitionError(toolName, '`parameters` must be a zod object schema (z.object({...})): tool arguments are always a JSON object.');
  }
  let schema: Record<string, unknown>;
  try {
    schema = z.toJSONSchema(parameters, { io: 'input', target: 'draft-7' });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ToolDefinitionError(toolName, `its parameters cannot be expressed as JSON Schema: ${reason}`, { cause: error });
  }
  const { $schema: _dialect, ...rest } = schema;
  if (rest['type'] !== 'object') {
    throw new ToolDefinitionError(toolName, '`parameters` must describe a JSON object.');
  }
  return Object.freeze(rest);
}
