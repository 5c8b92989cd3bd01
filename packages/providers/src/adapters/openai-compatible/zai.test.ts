import { AuthenticationError, ContextWindowExceededError, ProviderError, RateLimitError, TollgateError } from '@tollgate/core';
import { completion } from '../../completion/completion.js';
import { aggregateChunks, collect } from '../../testing-internal/aggregate-chunks.js';
import { jsonReply, sseReply } from '../../testing-internal/fixtures.js';
import { startReplayServer, type ReplayServer } from '@tollgate/testing';

const FIXTURES = `${__dirname}/__fixtures__/zai`;
const weatherTool = {
  type: 'function' as const,
  function: { name: 'get_weather', parameters: { type: 'object', properties: { city: { type: 'string' } } } },
};

let server: ReplayServer;
const savedEnv = { ...process.env };
beforeEach(async () => {
  server = await startReplayServer();
  process.env['ZAI_API_KEY'] = 'zai-test-key';
  process.env['ZAI_API_BASE'] = `${server.url}/api/paas/v4`;
});
afterEach(async () => {
  process.env = { ...savedEnv };
  await server.close();
});

const messages = [{ role: 'user' as const, content: 'Weather in Kyoto?' }];

describe('zai (OpenAI-compatible row)', () => {
  it('uses ZAI_API_KEY / ZAI_API_BASE, translates reasoning_effort to thinking, keeps reasoning and tool calls', async () => {
    server.enqueue(jsonReply(FIXTURES, 'chat-thinking-tool-call.json'));
    const result = await completion({ model: 'zai/glm-4.7', messages, tools: [weatherTool], reasoning_effort: 'high', tool_stream: true });

    const [request] = server.requests;
    expect(request?.url).toBe('/api/paas/v4/chat/completions');
    expect(request?.headers['authorization']).toBe('Bearer zai-test-key');
    expect(request?.body).toEqual({
      model: 'glm-4.7',
      messages,
      tools: [weatherTool],
      thinking: { type: 'enabled' },
      tool_stream: true,
    });
    const choice = result.choices[0];
    expect(choice?.finish_reason).toBe('tool_calls');
    expect(choice?.message).toMatchObject({
      content: 'Let me look up the weather in Kyoto.',
      reasoning_content: 'The user wants the weather in Kyoto. I should call get_weather with city Kyoto.',
      tool_calls: [{ id: 'call_-7700000000000000001', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Kyoto"}' } }],
    });
    expect(result.usage).toMatchObject({
      prompt_tokens: 180,
      completion_tokens: 52,
      prompt_tokens_details: { cached_tokens: 160 },
      completion_tokens_details: { reasoning_tokens: 31 },
    });
    // Z.ai's own top-level `request_id` is not part of OpenAI's format.
    expect(result).not.toHaveProperty('request_id');
    expect(result.tollgate.provider).toBe('zai');
  });

  it('sends reasoning_content back in a tool loop (Z.ai preserved thinking)', async () => {
    server.enqueue(jsonReply(FIXTURES, 'chat-thinking-tool-call.json'));
    await completion({
      model: 'zai/glm-4.7',
      messages: [
        ...messages,
        {
          role: 'assistant',
          content: null,
          reasoning_content: 'Need the tool.',
          tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Kyoto"}' } }],
        },
        { role: 'tool', tool_call_id: 'call_1', content: '18 C' },
      ],
    });
    expect(server.requests[0]?.body).toMatchObject({ messages: [{}, { reasoning_content: 'Need the tool.' }, { role: 'tool' }] });
  });

  it('streams reasoning, content and a whole tool call; the usage on the finish chunk becomes its own last chunk', async () => {
    for (const seed of [5, 6, 7]) {
      server.enqueue(sseReply(FIXTURES, 'stream-thinking-tool-call.sse.txt', { split: { randomSeed: seed, maxPieceBytes: 11 } }));
      const stream = await completion({ model: 'zai/glm-4.7', messages, tools: [weatherTool], stream: true, stream_options: { include_usage: true } });
      const chunks = await collect(stream);
      const aggregated = aggregateChunks(chunks);
      expect(aggregated.choices[0]).toMatchObject({
        reasoning_content: 'The user asks about Kyoto. Call the tool.',
        content: 'Checking Kyoto now.',
        finish_reason: 'tool_calls',
        tool_calls: [{ id: 'call_tgzai0000000000000000stream', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Kyoto"}' } }],
      });
      expect(aggregated.usageChunkCount).toBe(1);
      expect(chunks.at(-1)).toMatchObject({
        choices: [],
        usage: { prompt_tokens: 180, completion_tokens: 41, prompt_tokens_details: { cached_tokens: 176 }, completion_tokens_details: { reasoning_tokens: 22 } },
      });
      expect(chunks.at(-2)?.choices[0]?.finish_reason).toBe('tool_calls');
    }
  });

  it('maps finish reason `sensitive` to content_filter, keeping the native one', async () => {
    server.enqueue(sseReply(FIXTURES, 'stream-sensitive.sse.txt'));
    const aggregated = aggregateChunks(await collect(await completion({ model: 'zai/glm-4.7', messages, stream: true })));
    expect(aggregated.choices[0]).toMatchObject({ finish_reason: 'content_filter', native_finish_reason: 'sensitive' });
  });

  describe('error codes', () => {
    async function failure(fixture: string, status: number): Promise<TollgateError> {
      server.enqueue(jsonReply(FIXTURES, fixture, { status }));
      const error = await completion({ model: 'zai/glm-4.7', messages }).catch((caught: unknown) => caught);
      expect(TollgateError.isInstance(error)).toBe(true);
      return error as TollgateError;
    }

    it('1113 (insufficient balance) is a 429 that is not retryable', async () => {
      const error = await failure('error-429-insufficient-balance.json', 429);
      expect(error).toBeInstanceOf(ProviderError);
      expect(error).toMatchObject({ status: 429, code: '1113' });
      expect(error.isRetryable).toBe(false);
    });

    it('1302 (concurrency) is a retryable RateLimitError', async () => {
      const error = await failure('error-429-rate-limit.json', 429);
      expect(error).toBeInstanceOf(RateLimitError);
      expect(error.isRetryable).toBe(true);
    });

    it('1261 (prompt too long) is ContextWindowExceededError', async () => {
      expect(await failure('error-400-prompt-too-long.json', 400)).toBeInstanceOf(ContextWindowExceededError);
    });

    it('1000 (authentication) is AuthenticationError', async () => {
      expect(await failure('error-401-invalid-key.json', 401)).toBeInstanceOf(AuthenticationError);
    });
  });

  it('defaults to the international endpoint', async () => {
    delete process.env['ZAI_API_BASE'];
    const { getProviderAdapter } = await import('../../registry/get-provider-adapter.js');
    expect(getProviderAdapter('zai')?.defaultApiBase).toBe('https://api.z.ai/api/paas/v4');
  });
});
