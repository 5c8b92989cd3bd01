/** A tool's return value as the text of a `tool` message: strings as they are, anything else as JSON. */
export function formatToolOutput(value: unknown): string {
  if (typeof value === 'string') return value;
  // Some providers refuse an empty tool message; say so explicitly instead.
  if (value === undefined || value === null) return '(no output)';
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/** The message of anything thrown, for a tool error result. */
export function errorMessageOf(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  return typeof error === 'string' ? error : formatToolOutput(error);
}
