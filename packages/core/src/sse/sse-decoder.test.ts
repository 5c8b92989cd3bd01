import fc from 'fast-check';
import { encodeSseEvent } from './encode-sse-event.js';
import { SseDecoder } from './sse-decoder.js';
import type { SseEvent } from './sse-event.js';
import { decodeSseStream } from './decode-sse-stream.js';

function decodeAll(chunks: Array<Uint8Array | string>): SseEvent[] {
  const decoder = new SseDecoder();
  return [...chunks.flatMap((chunk) => decoder.push(chunk)), ...decoder.flush()];
}

/** Splits bytes at the given offsets (sorted, deduplicated, clamped). */
function splitAt(bytes: Uint8Array, offsets: number[]): Uint8Array[] {
  const cuts = [...new Set(offsets.map((offset) => Math.min(offset, bytes.length)))].sort((a, b) => a - b);
  const pieces: Uint8Array[] = [];
  let start = 0;
  for (const cut of [...cuts, bytes.length]) {
    pieces.push(bytes.subarray(start, cut));
    start = cut;
  }
  return pieces;
}

describe('SseDecoder', () => {
  it('decodes data, event and id fields', () => {
    expect(decodeAll(['event: message_start\nid: 1\ndata: {"a":1}\n\ndata: two\n\n'])).toEqual([
      { event: 'message_start', id: '1', data: '{"a":1}' },
      { data: 'two' },
    ]);
  });

  it('joins multi-line data with \\n and strips only one leading space', () => {
    expect(decodeAll(['data:first\ndata:  second\ndata\n\n'])).toEqual([{ data: 'first\n second\n' }]);
  });

  it('skips comments and unknown fields, and drops events without data', () => {
    expect(decodeAll([': keep-alive\n\nretry: 1000\nfoo: bar\n\nevent: ping\n\ndata: x\n\n'])).toEqual([{ data: 'x' }]);
  });

  it('accepts \\r\\n and lone \\r line endings, even split between chunks', () => {
    expect(decodeAll(['data: a\r\n\r\ndata: b\r\rdata: c\r', '\n\r', '\n'])).toEqual([
      { data: 'a' },
      { data: 'b' },
      { data: 'c' },
    ]);
    expect(decodeAll(['data: a\r', '\ndata: b\r\n\r\n'])).toEqual([{ data: 'a\nb' }]);
  });

  it('keeps a multi-byte character split across chunks', () => {
    const bytes = new TextEncoder().encode('data: Olá 😀\n\n');
    const pieces = Array.from(bytes, (byte) => Uint8Array.of(byte));
    expect(decodeAll(pieces)).toEqual([{ data: 'Olá 😀' }]);
  });

  it('drops a byte-order mark at the start of the stream only', () => {
    expect(decodeAll([Uint8Array.of(0xef, 0xbb), Uint8Array.of(0xbf), 'data: \uFEFFx\n\n'])).toEqual([
      { data: '\uFEFFx' },
    ]);
    expect(decodeAll(['\uFEFFdata: y\n\n'])).toEqual([{ data: 'y' }]);
  });

  it('dispatches a last event without its closing blank line on flush', () => {
    const decoder = new SseDecoder();
    expect(decoder.push('data: [DONE]')).toEqual([]);
    expect(decoder.flush()).toEqual([{ data: '[DONE]' }]);
  });

  it('returns events only once their blank line arrives', () => {
    const decoder = new SseDecoder();
    expect(decoder.push('data: a\n')).toEqual([]);
    expect(decoder.push('\n')).toEqual([{ data: 'a' }]);
  });

  it('does not carry an id over to later events', () => {
    expect(decodeAll(['id: 5\ndata: a\n\ndata: b\n\n'])).toEqual([{ id: '5', data: 'a' }, { data: 'b' }]);
  });

  it('decodes an async stream of chunks', async () => {
    async function* body(): AsyncGenerator<Uint8Array> {
      yield new TextEncoder().encode('data: {"n":1}\n\nda');
      yield new TextEncoder().encode('ta: {"n":2}\n\ndata: [DONE]\n\n');
    }
    const events: SseEvent[] = [];
    for await (const event of decodeSseStream(body())) events.push(event);
    expect(events.map((event) => event.data)).toEqual(['{"n":1}', '{"n":2}', '[DONE]']);
  });

  describe('under random re-chunking', () => {
    const lineSafeText = fc.string({ unit: 'binary' }).map((text) => text.replace(/[\r\n]/g, ' '));
    const eventArbitrary = fc.record(
      {
        // Data may hold line breaks (\n only: a lone \r would decode as a line break, by the spec) and any
        // character, including astral-plane emoji, so chunks cut through multi-byte UTF-8 sequences.
        data: fc
          .string({ unit: fc.oneof(fc.constantFrom('\n', 'é', '日', '😀', ':', ' '), fc.string({ unit: 'binary', maxLength: 1 })) })
          .map((text) => text.replace(/\r/g, '')),
        event: lineSafeText.filter((text) => text !== ''),
        id: lineSafeText.map((text) => text.replace(/\0/g, '')),
      },
      { requiredKeys: ['data'] },
    );
    const streamArbitrary = fc.record({
      events: fc.array(eventArbitrary, { maxLength: 12 }),
      lineEnding: fc.constantFrom('\n', '\r\n', '\r'),
      withComments: fc.boolean(),
      cuts: fc.array(fc.nat({ max: 2000 }), { maxLength: 40 }),
    });

    function encodeStream(stream: { events: SseEvent[]; lineEnding: string; withComments: boolean }): string {
      const text = stream.events
        .map((event, index) => {
          const encoded = encodeSseEvent(event.data, {
            ...(event.event !== undefined && { event: event.event }),
            ...(event.id !== undefined && { id: event.id }),
          });
          return stream.withComments && index % 2 === 0 ? `: comment ${index}\n${encoded}` : encoded;
        })
        .join('');
      return text.replace(/\n/g, stream.lineEnding);
    }

    it('decodes byte chunks to exactly the encoded events', () => {
      fc.assert(
        fc.property(streamArbitrary, (stream) => {
          const bytes = new TextEncoder().encode(encodeStream(stream));
          expect(decodeAll(splitAt(bytes, stream.cuts))).toEqual(stream.events);
        }),
        { numRuns: 500 },
      );
    });

    it('decodes string chunks to exactly the encoded events', () => {
      fc.assert(
        fc.property(streamArbitrary, (stream) => {
          const text = encodeStream(stream);
          const cuts = [...new Set(stream.cuts.map((cut) => Math.min(cut, text.length)))].sort((a, b) => a - b);
          const pieces = [...cuts, text.length].map((cut, index) => text.slice(index === 0 ? 0 : cuts[index - 1], cut));
          expect(decodeAll(pieces)).toEqual(stream.events);
        }),
        { numRuns: 300 },
      );
    });
  });
});
