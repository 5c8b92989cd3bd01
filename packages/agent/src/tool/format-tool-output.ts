/** A tool's return value as the text of a `tool` message: strings as they are, anything else as JSON. */
export function formatToolOutput(value: unknown): string {
  if (typeof value === 'string') return value;
  // Some providers refuse an empty tool message; say so explicitly instead.
  if (value === undefined || value === null) return '(no output)';
  try {
    // JSON.stringify answers undefined (its type says string) for functions and symbols; those, BigInts and cycles
    // are shown as String() shows them.
    const json: string | undefined = JSON.stringify(value);
    // eslint-disable-next-line @typescript-eslint/no-base-to-string -- see above: the last resort
    return json ?? String(value);
  } catch {
    // eslint-disable-next-line @typescript-eslint/no-base-to-string -- see above: the last resort
    return String(value);
  }
}

/** The message of anything thrown, for a tool error result. */
export function errorMessageOf(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  return typeof error === 'string' ? error : formatToolOutput(error);
}
