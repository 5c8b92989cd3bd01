import { AuthenticationError, ContextWindowExceededError, RateLimitError, ServiceUnavailableError } from '@tollgate/core';
import { completion } from '../../completion/completion.js';
import { collect } from '../../testing-internal/aggregate-chunks.js';
import { jsonReply, sseReply } from '../../testing-internal/fixtures.js';
import { startReplayServer, type ReplayServer } from '@tollgate/testing';
import { aggregateChunks } from '../../testing-internal/native-adapter-test-kit.js';

// End to end through `completion()`, the shared transport and a local server replaying this adapter's fixtures.
const FIXTURES = `${__dirname}/__fixtures__`;
const forecastTool = {
  type: 'function' as const,
  function: {
    name: 'get_forecast',
    description: 'Weather forecast for a city',
    parameters: { type: 'object', properties: { city: { type: 'string' }, days: { type: 'integer' } }, required: ['city'] },
  },
};

let server: ReplayServer;
beforeEach(async () => {
  server = await startReplayServer();
});
afterEach(async () => {
  await server.close();
});

const messages = [
  { role: 'system' as const, content: 'You are terse.' },
  { role: 'user' as const, content: 'Forecast for Lisbon?' },
];

describe('anthropic adapter over HTTP', () => {
  it('sends a Messages request with its auth headers and returns an OpenAI completion', async () => {
    server.enqueue(jsonReply(FIXTURES, 'chat-tool-call.json'));
    const result = await completion({
      model: 'anthropic/claude-sonnet-4-5',
      messages,
      tools: [forecastTool],
      tool_choice: 'auto',
      max_tokens: 200,
    }, { apiKey: 'sk-ant-test', apiBase: server.url });
    const [request] = server.requests;
    expect(request?.method).toBe('POST');
    expect(request?.url).toBe('/v1/messages');
    expect(request?.headers).toMatchObject({ 'x-api-key': 'sk-ant-test', 'anthropic-version': '2023-06-01' });
    expect(request?.headers['authorization']).toBeUndefined();
    expect(request?.body).toEqual({
      model: 'claude-sonnet-4-5',
      max_tokens: 200,
      system: [{ type: 'text', text: 'You are terse.' }],
      messages: [{ role: 'user', content: [{ type: 'text', text: 'Forecast for Lisbon?' }] }],
      tools: [{ name: 'get_forecast', description: 'Weather forecast for a city', input_schema: forecastTool.function.parameters }],
      tool_choice: { type: 'auto' },
    });
    expect(result.choices[0]).toMatchObject({
      message: {
        role: 'assistant',
        content: 'Let me look up the forecast for Lisbon.',
        tool_calls: [{ id: 'toolu_01Kd8sJ2qPmW4vNx7tBzRcEf', type: 'function', function: { name: 'get_forecast' } }],
      },
      finish_reason: 'tool_calls',
    });
    expect(result.usage).toMatchObject({ prompt_tokens: 402, completion_tokens: 71 });
  });

  it('streams over HTTP cut at random offsets, with the usage chunk last', async () => {
    server.enqueue(sseReply(FIXTURES, 'stream-thinking.sse.txt', { split: { randomSeed: 7, maxPieceBytes: 13 } }));
    const stream = await completion({
      model: 'anthropic/claude-sonnet-4-5',
      messages,
      tools: [forecastTool],
      reasoning_effort: 'low',
      stream: true,
      stream_options: { include_usage: true },
    }, { apiKey: 'sk-ant-test', apiBase: server.url });
    const chunks = await collect(stream);
    expect(server.requests[0]?.body).toMatchObject({ stream: true, thinking: { type: 'enabled', budget_tokens: 1024 }, max_tokens: 5120 });
    const aggregate = aggregateChunks(chunks);
    expect(aggregate.choices[0]?.message).toMatchObject({
      reasoning_content: 'The user wants the forecast for Lisbon; get_forecast needs a city and days.',
      thinking_blocks: [{ type: 'thinking', signature: 'EqQBCkYIBxgCKkBz7xK2mQ9vT4sR1pLw8nYc5bJ3hF0gA6eUoI2tK' }],
      tool_calls: [{ id: 'toolu_01Lm9xT4nBvQ2rKp7sWcYdJh', function: { name: 'get_forecast', arguments: '{"city": "Lisbon", "days": 3}' } }],
    });
    expect(aggregate.choices[0]?.finish_reason).toBe('tool_calls');
    const last = chunks.at(-1);
    expect(last?.choices).toEqual([]);
    expect(last?.usage).toMatchObject({ prompt_tokens: 431, completion_tokens: 103 });
  });

  it.each([
    [400, 'error-400-prompt-too-long.json', ContextWindowExceededError],
    [401, 'error-401-authentication.json', AuthenticationError],
    [429, 'error-429-rate-limit.json', RateLimitError],
    [529, 'error-529-overloaded.json', ServiceUnavailableError],
  ] as const)('maps an HTTP %i answer to its error class', async (status, fixture, errorClass) => {
    server.enqueue(jsonReply(FIXTURES, fixture, { status, headers: { 'content-type': 'application/json', 'retry-after': '3' } }));
    const call = completion({ model: 'anthropic/claude-sonnet-4-5', messages }, { apiKey: 'sk-ant-test', apiBase: server.url });
    await expect(call).rejects.toBeInstanceOf(errorClass);
    await expect(call).rejects.toMatchObject({ provider: 'anthropic' });
  });

  it('throws the typed error of an in-stream error event', async () => {
    server.enqueue(sseReply(FIXTURES, 'stream-overloaded.sse.txt'));
    const stream = await completion({ model: 'anthropic/claude-sonnet-4-5', messages, stream: true }, { apiKey: 'sk-ant-test', apiBase: server.url });
    await expect(collect(stream)).rejects.toBeInstanceOf(ServiceUnavailableError);
  });
});
