/** An error body larger than this is cut: enough for any provider's message, bounded against a hostile upstream. */
const MAX_ERROR_BODY_BYTES = 1_000_000;

/** Reads an error response body and parses it as JSON when it is JSON; else returns the text ('' when empty). */
export async function readErrorBody(body: AsyncIterable<Uint8Array>): Promise<unknown> {
  const parts: Uint8Array[] = [];
  let size = 0;
  for await (const part of body) {
    parts.push(part);
    size += part.byteLength;
    if (size >= MAX_ERROR_BODY_BYTES) break;
  }
  const text = Buffer.concat(parts).toString('utf8');
  return parseJsonOrText(text);
}

/** JSON when the text parses as JSON, else the trimmed text. */
export function parseJsonOrText(text: string): unknown {
  const trimmed = text.trim();
  if (trimmed === '') return '';
  try {
    return JSON.parse(trimmed);
  } catch {
    return trimmed;
  }
}
