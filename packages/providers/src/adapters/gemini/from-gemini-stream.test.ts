import { ServiceUnavailableError } from '@tollgate/core';
import {
  aggregateChunks,
  readFixture,
  replayStream,
  replayUnderRechunking,
  testContext,
} from '../../testing-internal/native-adapter-test-kit.js';
import { geminiAdapter } from './gemini-adapter.js';
import { parseGeminiToolCallId } from './gemini-tool-call-id.js';

const fixtures = `${__dirname}/__fixtures__`;
const context = testContext({
  providerId: 'gemini',
  model: 'gemini-2.5-flash',
  apiBase: 'https://generativelanguage.googleapis.com/v1beta',
  stream: true,
});

describe('GeminiStreamParser', () => {
  it('streams CRLF-framed text identically under any chunking, with the last usage at the end', async () => {
    const chunks = await replayUnderRechunking(geminiAdapter, readFixture(fixtures, 'stream-text.sse.txt'), context);
    expect(chunks[0]).toMatchObject({ id: 't1UxabQ2wE3rTy4UiO5pA6s', model: 'gemini-2.5-flash', choices: [{ delta: { role: 'assistant', content: 'Olá! Tudo' } }] });
    const aggregate = aggregateChunks(chunks);
    expect(aggregate.choices).toEqual([
      {
        index: 0,
        message: { role: 'assistant', content: 'Olá! Tudo bem? Çà va — très bien 🙂.' },
        finish_reason: 'stop',
        native_finish_reason: 'STOP',
      },
    ]);
    expect(chunks.filter((chunk) => chunk.usage)).toHaveLength(1);
    expect(chunks.at(-1)?.usage).toEqual({
      prompt_tokens: 13,
      completion_tokens: 52,
      total_tokens: 65,
      prompt_tokens_details: { cached_tokens: 0 },
      completion_tokens_details: { reasoning_tokens: 40 },
    });
  });

  it('emits a whole function call as one tool-call delta', async () => {
    const chunks = await replayUnderRechunking(geminiAdapter, readFixture(fixtures, 'stream-tool-call.sse.txt'), context);
    const toolDeltas = chunks.flatMap((chunk) => chunk.choices.flatMap((choice) => choice.delta.tool_calls ?? []));
    expect(toolDeltas).toHaveLength(1);
    expect(toolDeltas[0]).toMatchObject({ index: 0, type: 'function', function: { name: 'get_forecast', arguments: '{"city":"Lisbon","days":3}' } });
    expect(parseGeminiToolCallId(toolDeltas[0]?.id ?? '').thoughtSignature).toBe('CiQBvj72+zQx8Lm3NpK9rT4wYz6AbC2dEfG5hIjK7lMnO1pQ');
    expect(aggregateChunks(chunks).choices[0]?.finish_reason).toBe('tool_calls');
  });

  it('numbers parallel calls across events, keeps Gemini 3 ids, and finishes with tool_calls after a bare STOP', async () => {
    const chunks = await replayUnderRechunking(geminiAdapter, readFixture(fixtures, 'stream-parallel-tool-calls.sse.txt'), {
      ...context,
      model: 'gemini-3-pro-preview',
    });
    const aggregate = aggregateChunks(chunks);
    const toolCalls = aggregate.choices[0]?.message.tool_calls ?? [];
    expect(toolCalls.map((call) => parseGeminiToolCallId(call.id))).toEqual([
      { baseId: 'q2w8e4r1', thoughtSignature: 'EsINCr8NAb4+9vuXk3Lm2NpK8rT3wYz5AbC1dEfG4hIjK6lMnO0' },
      { baseId: 't5y9u3i7', thoughtSignature: undefined },
    ]);
    expect(toolCalls.map((call) => [call.function.name, JSON.parse(call.function.arguments)])).toEqual([
      ['add', { x: 7, y: 5 }],
      ['multiply', { x: 7, y: 5 }],
    ]);
    expect(aggregate.choices[0]).toMatchObject({ finish_reason: 'tool_calls', native_finish_reason: 'STOP', message: { content: null } });
    expect(aggregate.usage).toMatchObject({ prompt_tokens: 160, completion_tokens: 432, completion_tokens_details: { reasoning_tokens: 401 } });
  });

  it('streams thought parts as reasoning_content', async () => {
    const chunks = await replayUnderRechunking(geminiAdapter, readFixture(fixtures, 'stream-thinking.sse.txt'), context);
    const aggregate = aggregateChunks(chunks);
    expect(aggregate.choices[0]?.message.reasoning_content).toBe("**Choosing a tool**\n\nLisbon's forecast: get_forecast fits.\n");
    expect(aggregate.choices[0]?.message.tool_calls?.[0]?.function.name).toBe('get_forecast');
    expect(aggregate.usage).toMatchObject({ completion_tokens: 80, completion_tokens_details: { reasoning_tokens: 66 } });
  });

  it('throws the typed error of an error event', async () => {
    await expect(replayStream(geminiAdapter, readFixture(fixtures, 'stream-error.sse.txt'), context)).rejects.toBeInstanceOf(
      ServiceUnavailableError,
    );
  });
});
