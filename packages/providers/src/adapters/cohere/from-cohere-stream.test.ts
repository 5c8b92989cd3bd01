import { ProviderError } from '@tollgate/core';
import { aggregateChunks, readFixture, replayStream, replayUnderRechunking, testContext } from '../../testing-internal/native-adapter-test-kit.js';
import { cohereAdapter } from './cohere-adapter.js';

const fixtures = `${__dirname}/__fixtures__`;
const context = testContext({ providerId: 'cohere', model: 'command-a-03-2025', apiBase: 'https://api.cohere.com', stream: true });

describe('CohereStreamParser', () => {
  it('streams text and usage identically under any chunking', async () => {
    const chunks = await replayUnderRechunking(cohereAdapter, readFixture(fixtures, 'stream-text.sse.txt'), context);
    expect(chunks[0]).toMatchObject({ id: '9f506172-8394-4a5b-8e6d-7f8091a2b3c4', choices: [{ delta: { role: 'assistant' } }] });
    const aggregate = aggregateChunks(chunks);
    expect(aggregate.choices).toEqual([
      {
        index: 0,
        message: { role: 'assistant', content: 'Lisbon is the capital of Portugal — 🇵🇹.' },
        finish_reason: 'stop',
        native_finish_reason: 'COMPLETE',
      },
    ]);
    expect(aggregate.usage).toMatchObject({ prompt_tokens: 498, completion_tokens: 12, prompt_tokens_details: { cached_tokens: 416 } });
  });

  it('streams parallel tool calls as OpenAI deltas and the tool plan once at the end', async () => {
    const chunks = await replayUnderRechunking(cohereAdapter, readFixture(fixtures, 'stream-tool-call.sse.txt'), context);
    const toolDeltas = chunks.flatMap((chunk) => chunk.choices.flatMap((choice) => choice.delta.tool_calls ?? []));
    expect(toolDeltas[0]).toEqual({
      index: 0,
      id: 'get_forecast_h7j3k9l2m5n8',
      type: 'function',
      function: { name: 'get_forecast', arguments: '' },
    });
    expect(toolDeltas[1]).toEqual({ index: 0, function: { arguments: '{"' } });
    const aggregate = aggregateChunks(chunks);
    expect(aggregate.choices[0]?.message).toEqual({
      role: 'assistant',
      content: null,
      tool_calls: [
        { id: 'get_forecast_h7j3k9l2m5n8', type: 'function', function: { name: 'get_forecast', arguments: '{"city": "Lisbon"}' } },
        { id: 'museums_q4w6e8r2t9y1', type: 'function', function: { name: 'museums', arguments: '{"city": "Lisbon"}' } },
      ],
      provider_specific_fields: { tool_plan: 'I will check the forecast and museums.' },
    });
    expect(aggregate.choices[0]?.finish_reason).toBe('tool_calls');
  });

  it('streams thinking as reasoning_content', async () => {
    const aggregate = aggregateChunks(await replayUnderRechunking(cohereAdapter, readFixture(fixtures, 'stream-thinking.sse.txt'), context));
    expect(aggregate.choices[0]?.message).toMatchObject({ content: 'Yes, 17 is prime.', reasoning_content: 'Seventeen has no divisor up to four.' });
  });

  it('throws a typed error when the stream ends in error', async () => {
    const body = 'event: message-end\ndata: {"type":"message-end","delta":{"finish_reason":"ERROR","error":"internal failure"}}\n\n';
    await expect(replayStream(cohereAdapter, body, context)).rejects.toBeInstanceOf(ProviderError);
  });
});
