/** Options of `encodeSseEvent`. */
export interface EncodeSseEventOptions {
  /** Event type written as `event:`; must not contain a line break. */
  event?: string;
  /** Event id written as `id:`; must not contain a line break or NUL. */
  id?: string;
}

const LINE_BREAK = /\r\n|\r|\n/;

/**
 * One server-sent event as text, ending with the blank line that dispatches it. A string `data` is sent as it is,
 * one `data:` line per line of it (so it decodes back with `\n` line breaks); any other value is sent as JSON.
 */
export function encodeSseEvent(data: unknown, options: EncodeSseEventOptions = {}): string {
  let text = '';
  if (options.event !== undefined) {
    if (LINE_BREAK.test(options.event)) throw new TypeError('An SSE event type cannot contain a line break.');
    text += `event: ${options.event}\n`;
  }
  if (options.id !== undefined) {
    if (LINE_BREAK.test(options.id) || options.id.includes('\0')) {
      throw new TypeError('An SSE event id cannot contain a line break or NUL.');
    }
    text += `id: ${options.id}\n`;
  }
  const payload = typeof data === 'string' ? data : JSON.stringify(data);
  if (payload === undefined) throw new TypeError('SSE data must be a string or a JSON-serialisable value.');
  for (const line of payload.split(LINE_BREAK)) text += `data: ${line}\n`;
  return `${text}\n`;
}

/** The `data: [DONE]` event that ends an OpenAI stream. */
export function encodeSseDone(): string {
  return 'data: [DONE]\n\n';
}
