import { NdjsonDecoder } from './ndjson-decoder.js';

/**
 * The values of a newline-delimited JSON body, as their lines complete. Accepts any async iterable of bytes or
 * text; chunk boundaries do not matter. Throws `NdjsonParseError` at the first line that is not JSON.
 */
export async function* decodeNdjsonStream(source: AsyncIterable<Uint8Array | string>): AsyncGenerator {
  const decoder = new NdjsonDecoder();
  for await (const chunk of source) yield* decoder.push(chunk);
  yield* decoder.flush();
}
