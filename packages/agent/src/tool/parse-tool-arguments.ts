import type { z } from 'zod';

/** The model's arguments, parsed and validated, or the message that tells the model what to fix. */
export type ParsedToolArguments = { ok: true; value: unknown } | { ok: false; message: string };

/**
 * Parses the arguments string a model wrote for a tool: JSON first, then the tool's zod schema. An empty string
 * counts as `{}` (models send it for tools without parameters). Failures are messages for the model, naming each
 * faulty field, so it can call the tool again correctly.
 */
export function parseToolArguments(toolName: string, rawArguments: string, schema: z.ZodType): ParsedToolArguments {
  let json: unknown;
  try {
    json = rawArguments.trim() === '' ? {} : JSON.parse(rawArguments);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      message: `Invalid arguments for tool "${toolName}": not valid JSON (${reason}). Call the tool again with a JSON object that matches its parameters.`,
    };
  }
  const parsed = schema.safeParse(json);
  if (parsed.success) return { ok: true, value: parsed.data };
  const problems = parsed.error.issues.map((issue) => {
    const path = issue.path.length > 0 ? issue.path.map(String).join('.') : '(arguments)';
    return `${path}: ${issue.message}`;
  });
  return {
    ok: false,
    message: `Invalid arguments for tool "${toolName}": ${problems.join('; ')}. Call the tool again with corrected arguments.`,
  };
}
