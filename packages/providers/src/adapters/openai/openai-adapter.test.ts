import {
  AuthenticationError,
  ContentPolicyViolationError,
  ContextWindowExceededError,
  ProviderError,
  RateLimitError,
  TollgateError,
} from '@tollgate/core';
import { completion } from '../../completion/completion.js';
import { embedding } from '../../completion/embedding.js';
import { aggregateChunks, collect } from '../../testing-internal/aggregate-chunks.js';
import { jsonReply, sseReply } from '../../testing-internal/fixtures.js';
import { startReplayServer, type ReplayServer } from '@tollgate/testing';

const FIXTURES = `${__dirname}/__fixtures__`;
const weatherTool = {
  type: 'function' as const,
  function: {
    name: 'get_weather',
    description: 'Current weather for a city',
    parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
  },
};

let server: ReplayServer;
beforeEach(async () => {
  server = await startReplayServer();
});
afterEach(async () => {
  await server.close();
});

function call<const Extra extends Record<string, unknown> = {}>(extra: Extra = {} as Extra) {
  return {
    model: 'openai/gpt-4o',
    messages: [
      { role: 'system' as const, content: 'You are terse.' },
      { role: 'user' as const, content: 'Say hi in Portuguese' },
    ],
    ...extra,
  };
}
const options = () => ({ apiKey: 'sk-test-openai', apiBase: `${server.url}/v1` });

describe('openai adapter', () => {
  it('sends the request as OpenAI expects and returns the completion normalised, with cost', async () => {
    server.enqueue(jsonReply(FIXTURES, 'chat-basic.json'));
    const result = await completion(call({ max_tokens: 100, temperature: 0.2 }), options());

    const [request] = server.requests;
    expect(request?.method).toBe('POST');
    expect(request?.url).toBe('/v1/chat/completions');
    expect(request?.headers['authorization']).toBe('Bearer sk-test-openai');
    expect(request?.headers['content-type']).toBe('application/json');
    expect(request?.body).toEqual({
      model: 'gpt-4o',
      messages: [
        { role: 'system', content: 'You are terse.' },
        { role: 'user', content: 'Say hi in Portuguese' },
      ],
      max_tokens: 100,
      temperature: 0.2,
    });

    expect(result).toMatchObject({
      id: 'chatcmpl-Tg7basic000000000000000001',
      object: 'chat.completion',
      created: 1790000000,
      model: 'gpt-4o-2024-08-06',
      choices: [{ index: 0, message: { role: 'assistant', content: 'Olá! Tudo bem?' }, finish_reason: 'stop' }],
      usage: {
        prompt_tokens: 24,
        completion_tokens: 9,
        total_tokens: 33,
        prompt_tokens_details: { cached_tokens: 0 },
        completion_tokens_details: { reasoning_tokens: 0 },
      },
      system_fingerprint: 'fp_tg0000001',
    });
    expect(result.choices[0]).not.toHaveProperty('provider_specific_fields');
    expect(result.tollgate.provider).toBe('openai');
    expect(result.tollgate.model).toBe('gpt-4o');
    expect(result.tollgate.costUsd).toBeGreaterThan(0);
    expect(result.tollgate.costNanoUsd).toBeGreaterThan(0);
    // The metadata stays out of the wire JSON.
    expect(JSON.parse(JSON.stringify(result))).not.toHaveProperty('tollgate');
  });

  it('returns tool calls with their ids', async () => {
    server.enqueue(jsonReply(FIXTURES, 'chat-tool-call.json'));
    const result = await completion(call({ tools: [weatherTool], tool_choice: 'auto' }), options());
    expect(server.requests[0]?.body).toMatchObject({ tools: [weatherTool], tool_choice: 'auto' });
    expect(result.choices[0]?.finish_reason).toBe('tool_calls');
    expect(result.choices[0]?.message.tool_calls).toEqual([
      { id: 'call_Tg7WeatherLisbon000000001', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Lisbon"}' } },
    ]);
  });

  it('keeps cached and reasoning token details, and sends max_completion_tokens to reasoning models', async () => {
    server.enqueue(jsonReply(FIXTURES, 'chat-cached-reasoning.json'));
    const result = await completion(call({ model: 'openai/o4-mini', max_tokens: 500 }), options());
    expect(server.requests[0]?.body).toMatchObject({ model: 'o4-mini', max_completion_tokens: 500 });
    expect(server.requests[0]?.body).not.toHaveProperty('max_tokens');
    expect(result.usage).toMatchObject({
      prompt_tokens: 2048,
      completion_tokens: 300,
      prompt_tokens_details: { cached_tokens: 1920 },
      completion_tokens_details: { reasoning_tokens: 256 },
    });
  });

  it('streams text under any re-chunking of the upstream bytes, with the usage chunk last', async () => {
    for (const seed of [1, 2, 3, 42, 1234]) {
      server.enqueue(sseReply(FIXTURES, 'stream-text-usage.sse.txt', { split: { randomSeed: seed, maxPieceBytes: 7 } }));
      const stream = await completion(call({ stream: true, stream_options: { include_usage: true } }), options());
      const chunks = await collect(stream);
      const aggregated = aggregateChunks(chunks);
      expect(aggregated.choices[0]).toMatchObject({ role: 'assistant', content: 'Olá! Como posso ajudar — ça va? 🎉', finish_reason: 'stop' });
      expect(aggregated.usageChunkCount).toBe(1);
      expect(chunks.at(-1)).toMatchObject({ choices: [], usage: { prompt_tokens: 24, completion_tokens: 11 } });
      expect(stream.tollgate?.costUsd).toBeGreaterThan(0);
    }
    expect(server.requests[0]?.body).toMatchObject({ stream: true, stream_options: { include_usage: true } });
    expect(server.requests[0]?.headers['accept']).toBe('text/event-stream');
  });

  it('asks the provider for usage on every stream but shows it only when the caller asked', async () => {
    server.enqueue(sseReply(FIXTURES, 'stream-text-usage.sse.txt'));
    const stream = await completion(call({ stream: true }), options());
    const chunks = await collect(stream);
    expect(server.requests[0]?.body).toMatchObject({ stream_options: { include_usage: true } });
    expect(chunks.some((chunk) => chunk.usage)).toBe(false);
    expect(chunks.every((chunk) => chunk.choices.length > 0)).toBe(true);
    expect(stream.tollgate?.usage).toMatchObject({ prompt_tokens: 24, completion_tokens: 11 });
  });

  it('streams parallel tool calls as OpenAI deltas', async () => {
    server.enqueue(sseReply(FIXTURES, 'stream-tool-call.sse.txt', { split: { randomSeed: 7 } }));
    const stream = await completion(call({ stream: true, tools: [weatherTool], stream_options: { include_usage: true } }), options());
    const aggregated = aggregateChunks(await collect(stream));
    expect(aggregated.choices[0]?.finish_reason).toBe('tool_calls');
    expect(aggregated.choices[0]?.tool_calls).toEqual([
      { id: 'call_Tg7StreamWeather0000001', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Lisbon"}' } },
      { id: 'call_Tg7StreamTime000000000002', type: 'function', function: { name: 'get_time', arguments: '{"zone":"Europe/Lisbon"}' } },
    ]);
    expect(aggregated.usage?.prompt_tokens_details?.cached_tokens).toBe(64);
  });

  it('embeds', async () => {
    server.enqueue(jsonReply(FIXTURES, 'embeddings.json'));
    const result = await embedding({
      model: 'openai/text-embedding-3-small',
      input: ['hello', 'world'],
    }, { apiKey: 'sk-test-openai', apiBase: `${server.url}/v1` });
    expect(server.requests[0]?.url).toBe('/v1/embeddings');
    expect(server.requests[0]?.body).toEqual({ model: 'text-embedding-3-small', input: ['hello', 'world'] });
    expect(result.data).toHaveLength(2);
    expect(result.data[1]).toMatchObject({ object: 'embedding', index: 1 });
    expect(result.usage).toEqual({ prompt_tokens: 7, total_tokens: 7 });
    expect(result.tollgate.costUsd).toBeGreaterThan(0);
  });

  describe('errors', () => {
    async function failure(fixture: string, status: number, headers: Record<string, string> = {}): Promise<TollgateError> {
      server.enqueue(jsonReply(FIXTURES, fixture, { status, headers: { 'content-type': 'application/json', ...headers } }));
      const error = await completion(call(), options()).catch((caught: unknown) => caught);
      expect(TollgateError.isInstance(error)).toBe(true);
      return error as TollgateError;
    }

    it('maps an invalid key to AuthenticationError', async () => {
      const error = await failure('error-401-invalid-api-key.json', 401);
      expect(error).toBeInstanceOf(AuthenticationError);
      expect(error).toMatchObject({ status: 401, code: 'invalid_api_key', provider: 'openai', model: 'gpt-4o' });
      expect(error.message).toContain('Incorrect API key provided');
    });

    it('maps context_length_exceeded to ContextWindowExceededError', async () => {
      const error = await failure('error-400-context-length.json', 400);
      expect(error).toBeInstanceOf(ContextWindowExceededError);
      expect(error).toMatchObject({ status: 400, param: 'messages' });
    });

    it('maps a content-policy rejection to ContentPolicyViolationError', async () => {
      const error = await failure('error-400-content-filter.json', 400);
      expect(error).toBeInstanceOf(ContentPolicyViolationError);
    });

    it('maps a rate limit to a retryable RateLimitError carrying retry-after', async () => {
      const error = await failure('error-429-rate-limit.json', 429, { 'retry-after-ms': '340' });
      expect(error).toBeInstanceOf(RateLimitError);
      expect(error.isRetryable).toBe(true);
      expect(error.retryAfterSeconds).toBeCloseTo(0.34);
    });

    it('maps insufficient_quota to a 429 that is not retryable', async () => {
      const error = await failure('error-429-insufficient-quota.json', 429);
      expect(error).toBeInstanceOf(ProviderError);
      expect(error).toMatchObject({ status: 429, code: 'insufficient_quota' });
      expect(error.isRetryable).toBe(false);
    });

    it('maps a 500 to a retryable ProviderError keeping the upstream body', async () => {
      const error = await failure('error-500-server.json', 500);
      expect(error).toBeInstanceOf(ProviderError);
      expect((error as ProviderError).upstreamStatus).toBe(500);
      expect((error as ProviderError).body).toMatchObject({ error: { type: 'server_error' } });
      expect(error.isRetryable).toBe(true);
    });

    it('maps an error answer to a stream request the same way', async () => {
      server.enqueue(jsonReply(FIXTURES, 'error-401-invalid-api-key.json', { status: 401 }));
      await expect(completion(call({ stream: true }), options())).rejects.toBeInstanceOf(AuthenticationError);
    });
  });
});
