import { NdjsonParseError } from './ndjson-parse-error.js';

/**
 * Incremental newline-delimited JSON parser (Ollama's streaming format). Push bytes or text in chunks of any size;
 * each call returns the values of the lines it completed. Lines end in `\n` (a `\r` before it is ignored), blank
 * lines are skipped, and a line that is not JSON throws `NdjsonParseError` naming the line.
 */
export class NdjsonDecoder {
  private readonly textDecoder = new TextDecoder('utf-8');
  /** Text of the line being received, before its `\n` arrived. */
  private partialLine = '';
  private lineNumber = 0;

  /** Adds the next piece of the stream and returns the values of the lines it completed. */
  push(chunk: Uint8Array | string): unknown[] {
    // Bytes held back as an incomplete character are flushed before a string chunk, so order is kept.
    const text =
      typeof chunk === 'string' ? this.textDecoder.decode() + chunk : this.textDecoder.decode(chunk, { stream: true });
    const values: unknown[] = [];
    let lineStart = 0;
    for (let lineEnd = text.indexOf('\n'); lineEnd !== -1; lineEnd = text.indexOf('\n', lineStart)) {
      const line = this.partialLine + text.slice(lineStart, lineEnd);
      this.partialLine = '';
      lineStart = lineEnd + 1;
      this.consumeLine(line, values);
    }
    this.partialLine += text.slice(lineStart);
    return values;
  }

  /** Ends the stream: parses a last line that lacked its `\n`. */
  flush(): unknown[] {
    const values: unknown[] = [];
    const line = this.partialLine + this.textDecoder.decode();
    this.partialLine = '';
    if (line !== '') this.consumeLine(line, values);
    return values;
  }

  private consumeLine(line: string, values: unknown[]): void {
    this.lineNumber++;
    if (line.trim() === '') return;
    try {
      values.push(JSON.parse(line));
    } catch (error) {
      throw new NdjsonParseError({ lineNumber: this.lineNumber, line, cause: error });
    }
  }
}
