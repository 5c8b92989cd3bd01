import { readFileSync } from 'node:fs';
import type { ChatCompletionChunk } from '@tollgate/core';
import type { AdapterCallContext } from '../../adapter/adapter-call-context.js';
import { decodeProviderStream } from '../../completion/decode-provider-stream.js';
import { aggregateChunks, collect } from '../../testing-internal/aggregate-chunks.js';
import { splitAtRandom } from '@tollgate/testing';
import { getProviderAdapter } from '../../registry/get-provider-adapter.js';

const context: AdapterCallContext = {
  providerId: 'openai', model: 'gpt-4o', apiKey: 'k', apiBase: 'http://x', apiVersion: undefined,
  stream: true, includeUsage: true, requestId: 'req', created: 1,
};

async function* pieces(parts: readonly Uint8Array[]): AsyncGenerator<Uint8Array> {
  yield* parts;
}

async function parse(parts: readonly Uint8Array[], providerId = 'openai'): Promise<ChatCompletionChunk[]> {
  const adapter = getProviderAdapter(providerId)!;
  return collect(decodeProviderStream(pieces(parts), adapter, { ...context, providerId }));
}

describe('OpenAI-dialect stream parsing under re-chunking', () => {
  const cases = [
    ['openai', `${__dirname}/__fixtures__/stream-text-usage.sse.txt`],
    ['openai', `${__dirname}/__fixtures__/stream-tool-call.sse.txt`],
    ['zai', `${__dirname}/../openai-compatible/__fixtures__/zai/stream-thinking-tool-call.sse.txt`],
    ['deepseek', `${__dirname}/../openai-compatible/__fixtures__/deepseek/stream-reasoning.sse.txt`],
    ['mistral', `${__dirname}/../openai-compatible/__fixtures__/mistral/stream-tool-call.sse.txt`],
  ] as const;

  it.each(cases)('%s %s: byte by byte, at random offsets and with CRLF line ends, the result is the same', async (providerId, path) => {
    const bytes = readFileSync(path);
    const reference = aggregateChunks(await parse([bytes], providerId));
    expect(reference.choices[0]?.finish_reason).not.toBeNull();
    const bytewise = Array.from(bytes, (byte) => Uint8Array.of(byte));
    // The fixtures carry every id, so nothing random is synthesized and results compare exactly.
    expect(aggregateChunks(await parse(bytewise, providerId))).toEqual(reference);
    for (let seed = 1; seed <= 25; seed++) {
      expect(aggregateChunks(await parse(splitAtRandom(bytes, seed, 13), providerId))).toEqual(reference);
    }
    const crlf = Buffer.from(bytes.toString('utf8').replace(/\n/g, '\r\n'));
    expect(aggregateChunks(await parse(splitAtRandom(crlf, 99, 5), providerId))).toEqual(reference);
  });

  it('synthesizes an id for a tool call that arrives without one', async () => {
    const line = (delta: object) =>
      `data: ${JSON.stringify({ id: 'c', object: 'chat.completion.chunk', created: 1, model: 'm', choices: [{ index: 0, delta }] })}\n\n`;
    const body = Buffer.from(
      line({ tool_calls: [{ index: 0, function: { name: 'f', arguments: '{"a":' } }] }) + line({ tool_calls: [{ index: 0, function: { arguments: '1}' } }] }),
    );
    const aggregated = aggregateChunks(await parse([body]));
    expect(aggregated.choices[0]?.tool_calls[0]).toMatchObject({ type: 'function', function: { name: 'f', arguments: '{"a":1}' } });
    expect(aggregated.choices[0]?.tool_calls[0]?.id).toMatch(/^call_[A-Za-z0-9]{24}$/);
  });

  it('throws the adapter error for an error event inside the stream', async () => {
    const body = Buffer.from('data: {"error":{"message":"overloaded","type":"server_error","code":503}}\n\n');
    await expect(parse([body])).rejects.toMatchObject({ status: 503 });
  });

  it('throws a typed error for a malformed event', async () => {
    await expect(parse([Buffer.from('data: {"id": \n\n')])).rejects.toMatchObject({ upstreamStatus: 502 });
  });
});
