import { ProviderError } from '@tollgate/core';
import { aggregateChunks, readFixture, replayStream, replayUnderRechunking, testContext } from '../../testing-internal/native-adapter-test-kit.js';
import { ollamaAdapter } from './ollama-adapter.js';

const fixtures = `${__dirname}/__fixtures__`;
const context = testContext({ providerId: 'ollama', model: 'qwen3', apiBase: 'http://localhost:11434', stream: true });

describe('OllamaStreamParser', () => {
  it('streams thinking then text, identically under any chunking, with usage from the done line', async () => {
    const chunks = await replayUnderRechunking(ollamaAdapter, readFixture(fixtures, 'stream-text.ndjson'), context);
    expect(chunks[0]?.choices[0]?.delta).toEqual({ role: 'assistant', reasoning_content: 'The user greets' });
    const aggregate = aggregateChunks(chunks);
    expect(aggregate.choices).toEqual([
      {
        index: 0,
        message: { role: 'assistant', content: 'Olá! Tudo bem? 🙂', reasoning_content: 'The user greets in Portuguese.' },
        finish_reason: 'stop',
        native_finish_reason: 'stop',
      },
    ]);
    expect(aggregate.usage).toMatchObject({ prompt_tokens: 19, completion_tokens: 24, total_tokens: 43 });
  });

  it('numbers whole tool calls across lines and finishes with tool_calls', async () => {
    const chunks = await replayUnderRechunking(ollamaAdapter, readFixture(fixtures, 'stream-tool-call.ndjson'), context);
    const toolDeltas = chunks.flatMap((chunk) => chunk.choices.flatMap((choice) => choice.delta.tool_calls ?? []));
    expect(toolDeltas.map((delta) => [delta.index, delta.function?.name, delta.function?.arguments])).toEqual([
      [0, 'get_forecast', '{"city":"Lisbon"}'],
      [1, 'get_forecast', '{"city":"Porto"}'],
    ]);
    expect(toolDeltas.every((delta) => /^call_[A-Za-z0-9]{24}$/.test(delta.id ?? ''))).toBe(true);
    const aggregate = aggregateChunks(chunks);
    expect(aggregate.choices[0]).toMatchObject({ finish_reason: 'tool_calls', message: { content: null } });
  });

  it('throws the error line as a typed error', async () => {
    await expect(replayStream(ollamaAdapter, readFixture(fixtures, 'stream-error.ndjson'), context)).rejects.toThrow(ProviderError);
    await expect(replayStream(ollamaAdapter, readFixture(fixtures, 'stream-error.ndjson'), context)).rejects.toThrow('unexpected EOF');
  });
});
