/** A line of an NDJSON stream that is not valid JSON. */
export class NdjsonParseError extends Error {
  /** 1-based number of the faulty line in the stream. */
  readonly lineNumber: number;
  /** The faulty line, cut to its first 200 characters. */
  readonly line: string;

  constructor(options: { lineNumber: number; line: string; cause: unknown }) {
    const shown = options.line.length > 200 ? `${options.line.slice(0, 200)}…` : options.line;
    const reason = options.cause instanceof Error ? options.cause.message : String(options.cause);
    super(`Invalid JSON on line ${options.lineNumber} of an NDJSON stream (${reason}): ${shown}`, {
      cause: options.cause,
    });
    this.name = 'NdjsonParseError';
    this.lineNumber = options.lineNumber;
    this.line = shown;
  }
}
