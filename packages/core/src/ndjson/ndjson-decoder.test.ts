import fc from 'fast-check';
import { decodeNdjsonStream } from './decode-ndjson-stream.js';
import { NdjsonDecoder } from './ndjson-decoder.js';
import { NdjsonParseError } from './ndjson-parse-error.js';

function decodeAll(chunks: Array<Uint8Array | string>): unknown[] {
  const decoder = new NdjsonDecoder();
  return [...chunks.flatMap((chunk) => decoder.push(chunk)), ...decoder.flush()];
}

describe('NdjsonDecoder', () => {
  it('decodes one value per line, Ollama style', () => {
    const body =
      '{"model":"llama3.2","message":{"role":"assistant","content":"Olá"},"done":false}\n' +
      '{"model":"llama3.2","message":{"role":"assistant","content":""},"done":true,"eval_count":2}\n';
    expect(decodeAll([body])).toEqual([
      { model: 'llama3.2', message: { role: 'assistant', content: 'Olá' }, done: false },
      { model: 'llama3.2', message: { role: 'assistant', content: '' }, done: true, eval_count: 2 },
    ]);
  });

  it('skips blank lines and accepts \\r\\n', () => {
    expect(decodeAll(['\n{"a":1}\r\n  \r\n\n[2]\n'])).toEqual([{ a: 1 }, [2]]);
  });

  it('returns values only once their line ends, and the last unterminated line on flush', () => {
    const decoder = new NdjsonDecoder();
    expect(decoder.push('{"a":')).toEqual([]);
    expect(decoder.push('1}\n{"b"')).toEqual([{ a: 1 }]);
    expect(decoder.push(':2}')).toEqual([]);
    expect(decoder.flush()).toEqual([{ b: 2 }]);
  });

  it('keeps a multi-byte character split across chunks', () => {
    const bytes = new TextEncoder().encode('"日本語 😀"\n');
    expect(decodeAll(Array.from(bytes, (byte) => Uint8Array.of(byte)))).toEqual(['日本語 😀']);
  });

  it('throws a clear error naming the line that is not JSON', () => {
    const decoder = new NdjsonDecoder();
    expect(decoder.push('{"ok":true}\n\n')).toEqual([{ ok: true }]);
    let thrown: unknown;
    try {
      decoder.push('{"broken": \n');
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(NdjsonParseError);
    const parseError = thrown as NdjsonParseError;
    expect(parseError.lineNumber).toBe(3);
    expect(parseError.line).toBe('{"broken": ');
    expect(parseError.message).toMatch(/^Invalid JSON on line 3 of an NDJSON stream \(.+\): \{"broken": $/);
    expect(parseError.cause).toBeInstanceOf(SyntaxError);
  });

  it('throws on a bad last line at flush', () => {
    const decoder = new NdjsonDecoder();
    decoder.push('{"a":1}\nnot json');
    expect(() => decoder.flush()).toThrow(NdjsonParseError);
  });

  it('decodes an async stream', async () => {
    async function* body(): AsyncGenerator<string> {
      yield '{"n":1}\n{"n"';
      yield ':2}\n';
    }
    const values: unknown[] = [];
    for await (const value of decodeNdjsonStream(body())) values.push(value);
    expect(values).toEqual([{ n: 1 }, { n: 2 }]);
  });

  it('decodes any JSON values under random re-chunking, blank lines and line endings', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ value: fc.jsonValue(), blankLinesBefore: fc.nat({ max: 2 }) }), { maxLength: 15 }),
        fc.constantFrom('\n', '\r\n'),
        fc.array(fc.nat({ max: 3000 }), { maxLength: 40 }),
        fc.boolean(),
        (lines, lineEnding, offsets, endsWithLineBreak) => {
          const text = lines
            .map((line, index) => {
              const isLast = index === lines.length - 1;
              const ending = isLast && !endsWithLineBreak ? '' : lineEnding;
              return lineEnding.repeat(line.blankLinesBefore) + JSON.stringify(line.value) + ending;
            })
            .join('');
          const bytes = new TextEncoder().encode(text);
          const cuts = [...new Set(offsets.map((offset) => Math.min(offset, bytes.length)))].sort((a, b) => a - b);
          const pieces = [...cuts, bytes.length].map((cut, index) => bytes.subarray(index === 0 ? 0 : cuts[index - 1], cut));
          // -0 and other non-JSON distinctions do not survive JSON: compare against what a JSON round trip gives.
          const expected = lines.map((line) => JSON.parse(JSON.stringify(line.value)) as unknown);
          expect(decodeAll(pieces)).toEqual(expected);
        },
      ),
      { numRuns: 300 },
    );
  });
});
