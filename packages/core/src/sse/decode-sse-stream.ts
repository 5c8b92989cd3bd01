import { SseDecoder } from './sse-decoder.js';
import type { SseEvent } from './sse-event.js';

/**
 * The events of a server-sent-events body, as they complete. Accepts any async iterable of bytes or text, such as
 * a fetch/undici response body; chunk boundaries do not matter.
 */
export async function* decodeSseStream(source: AsyncIterable<Uint8Array | string>): AsyncGenerator<SseEvent> {
  const decoder = new SseDecoder();
  for await (const chunk of source) yield* decoder.push(chunk);
  yield* decoder.flush();
}
