import { ProviderError, ServiceUnavailableError } from '@tollgate/core';
import {
  aggregateChunks,
  readFixture,
  replayStream,
  replayUnderRechunking,
  testContext,
} from '../../testing-internal/native-adapter-test-kit.js';
import { anthropicAdapter } from './anthropic-adapter.js';

const fixtures = `${__dirname}/__fixtures__`;
const context = testContext({ providerId: 'anthropic', model: 'claude-sonnet-4-5', apiBase: 'https://api.anthropic.com', stream: true });

describe('AnthropicStreamParser', () => {
  it('streams text, identity and cache-aware usage, identically under any chunking', async () => {
    const chunks = await replayUnderRechunking(anthropicAdapter, readFixture(fixtures, 'stream-text.sse.txt'), context);
    expect(chunks[0]).toMatchObject({
      id: 'msg_01Nq5tXw2rVbM8kLpY3sHcGd',
      object: 'chat.completion.chunk',
      model: 'claude-sonnet-4-5-20250929',
      choices: [{ index: 0, delta: { role: 'assistant' }, finish_reason: null }],
    });
    const aggregate = aggregateChunks(chunks);
    expect(aggregate.choices).toEqual([
      {
        index: 0,
        message: { role: 'assistant', content: 'Olá! Tudo bem? Çà va — très bien 🙂.' },
        finish_reason: 'stop',
        native_finish_reason: 'end_turn',
      },
    ]);
    expect(aggregate.usage).toEqual({
      prompt_tokens: 9 + 512 + 2048,
      completion_tokens: 17,
      total_tokens: 9 + 512 + 2048 + 17,
      prompt_tokens_details: { cached_tokens: 2048, cache_creation_tokens: 512 },
      completion_tokens_details: { reasoning_tokens: 0 },
      cache_creation_input_tokens: 512,
      cache_read_input_tokens: 2048,
    });
  });

  it('streams a tool call as OpenAI deltas: id and name first, then argument fragments', async () => {
    const chunks = await replayUnderRechunking(anthropicAdapter, readFixture(fixtures, 'stream-tool-call.sse.txt'), context);
    const toolDeltas = chunks.flatMap((chunk) => chunk.choices.flatMap((choice) => choice.delta.tool_calls ?? []));
    expect(toolDeltas[0]).toEqual({
      index: 0,
      id: 'toolu_01Yt6pQ2wRnM8vKsB4xLcJdE',
      type: 'function',
      function: { name: 'get_forecast', arguments: '' },
    });
    expect(toolDeltas.slice(1)).toEqual([
      { index: 0, function: { arguments: '{"ci' } },
      { index: 0, function: { arguments: 'ty": "Lis' } },
      { index: 0, function: { arguments: 'bon", "da' } },
      { index: 0, function: { arguments: 'ys": 3}' } },
    ]);
    const aggregate = aggregateChunks(chunks);
    expect(aggregate.choices[0]).toMatchObject({
      message: { content: 'Checking the forecast for Lisbon.' },
      finish_reason: 'tool_calls',
    });
    expect(JSON.parse(aggregate.choices[0]?.message.tool_calls?.[0]?.function.arguments ?? '')).toEqual({ city: 'Lisbon', days: 3 });
    // message_delta without input counts keeps message_start's.
    expect(aggregate.usage).toMatchObject({ prompt_tokens: 380, completion_tokens: 58 });
  });

  it('numbers parallel tool calls in order and gives a no-argument call "{}"', async () => {
    const chunks = await replayUnderRechunking(anthropicAdapter, readFixture(fixtures, 'stream-parallel-tool-calls.sse.txt'), context);
    const aggregate = aggregateChunks(chunks);
    expect(aggregate.choices[0]?.message.tool_calls).toEqual([
      { id: 'toolu_01Aa1bB2cC3dD4eE5fF6gG7h', type: 'function', function: { name: 'add', arguments: '{"x": 7, "y": 5}' } },
      { id: 'toolu_01Hh8iI9jJ0kK1lL2mM3nN4o', type: 'function', function: { name: 'get_time', arguments: '{}' } },
      { id: 'toolu_01Pp5qQ6rR7sS8tT9uU0vV1w', type: 'function', function: { name: 'multiply', arguments: '{"x": 7, "y": 5}' } },
    ]);
    expect(aggregate.choices[0]?.finish_reason).toBe('tool_calls');
    expect(aggregate.usage).toMatchObject({ prompt_tokens: 515, completion_tokens: 142 });
  });

  it('streams thinking as reasoning_content and emits the finished block with its signature', async () => {
    const chunks = await replayUnderRechunking(anthropicAdapter, readFixture(fixtures, 'stream-thinking.sse.txt'), context);
    const aggregate = aggregateChunks(chunks);
    const thinking = 'The user wants the forecast for Lisbon; get_forecast needs a city and days.';
    expect(aggregate.choices[0]?.message).toMatchObject({
      content: null,
      reasoning_content: thinking,
      thinking_blocks: [{ type: 'thinking', thinking, signature: 'EqQBCkYIBxgCKkBz7xK2mQ9vT4sR1pLw8nYc5bJ3hF0gA6eUoI2tK' }],
      tool_calls: [
        { id: 'toolu_01Lm9xT4nBvQ2rKp7sWcYdJh', type: 'function', function: { name: 'get_forecast', arguments: '{"city": "Lisbon", "days": 3}' } },
      ],
    });
  });

  it('streams the response_format tool input as content and finishes with stop', async () => {
    const chunks = await replayUnderRechunking(anthropicAdapter, readFixture(fixtures, 'stream-json-mode.sse.txt'), context);
    const aggregate = aggregateChunks(chunks);
    expect(aggregate.choices[0]?.message.content).toBe('{"name": "Ada", "age": 36}');
    expect(aggregate.choices[0]?.message.tool_calls).toBeUndefined();
    expect(aggregate.choices[0]?.finish_reason).toBe('stop');
  });

  it('throws a retryable typed error for an in-stream overloaded_error, after the text before it', async () => {
    const parser = anthropicAdapter.createChatStreamParser(context);
    const events = readFixture(fixtures, 'stream-overloaded.sse.txt')
      .trim()
      .split('\n\n')
      .map((block) => {
        const [eventLine, dataLine] = block.split('\n');
        return { format: 'sse' as const, event: eventLine?.slice('event: '.length), data: dataLine?.slice('data: '.length) ?? '' };
      });
    const texts: string[] = [];
    let thrown: unknown;
    try {
      for (const event of events) for (const chunk of parser.push(event)) texts.push(chunk.choices[0]?.delta.content ?? '');
    } catch (error) {
      thrown = error;
    }
    expect(texts.join('')).toBe('Partial answ');
    expect(thrown).toBeInstanceOf(ServiceUnavailableError);
    expect(thrown).toMatchObject({ provider: 'anthropic', code: 'overloaded_error', isRetryable: true });
    await expect(replayStream(anthropicAdapter, readFixture(fixtures, 'stream-overloaded.sse.txt'), context)).rejects.toThrow(
      'Overloaded',
    );
  });

  it('refuses malformed event JSON with a typed error', async () => {
    await expect(replayStream(anthropicAdapter, 'event: message_start\ndata: {"type":\n\n', context)).rejects.toThrow(ProviderError);
  });
});
