import {
  AuthenticationError,
  BadRequestError,
  ProviderError,
  RateLimitError,
  TimeoutError,
  UnsupportedParamsError,
} from '@tollgate/core';
import { aggregateChunks, collect } from '../testing-internal/aggregate-chunks.js';
import { startReplayServer, type ReplayServer, type ScriptedResponse } from '@tollgate/testing';
import type { CallOptions } from './call-options.js';
import { completion } from './completion.js';

let server: ReplayServer;
const savedEnv = { ...process.env };
beforeEach(async () => {
  server = await startReplayServer();
});
afterEach(async () => {
  process.env = { ...savedEnv };
  await server.close();
});

const messages = [{ role: 'user' as const, content: 'Hi' }];
const okBody = JSON.stringify({
  id: 'chatcmpl-ok',
  object: 'chat.completion',
  created: 1790000000,
  model: 'gpt-4o-mini',
  choices: [{ index: 0, message: { role: 'assistant', content: 'Hello' }, finish_reason: 'stop' }],
  usage: { prompt_tokens: 5, completion_tokens: 1, total_tokens: 6 },
});
const ok: ScriptedResponse = { status: 200, headers: { 'content-type': 'application/json' }, body: okBody };
const rateLimited = (retryAfter: string): ScriptedResponse => ({
  status: 429,
  headers: { 'content-type': 'application/json', 'retry-after': retryAfter },
  body: JSON.stringify({ error: { message: 'slow down', type: 'requests', code: 'rate_limit_exceeded' } }),
});
const chunkLine = (delta: object, finish: string | null = null) =>
  `data: ${JSON.stringify({ id: 'c1', object: 'chat.completion.chunk', created: 1, model: 'm', choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`;

/** The arguments of a call to the replay server: the request (with `extra` params) and the options. */
function call<const Extra extends Record<string, unknown> = {}>(extra: Extra = {} as Extra, options: CallOptions = {}) {
  return [{ model: 'openai/gpt-4o-mini', messages, ...extra }, { apiKey: 'sk-test', apiBase: server.url, ...options }] as const;
}

describe('completion()', () => {
  describe('credentials', () => {
    it('fails before any request when the key is missing, naming the env var and the option', async () => {
      delete process.env['ZAI_API_KEY'];
      const error = await completion({ model: 'zai/glm-4.7', messages }).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(AuthenticationError);
      expect((error as Error).message).toContain('ZAI_API_KEY');
      expect((error as Error).message).toContain('apiKey');
      expect(error).toMatchObject({ provider: 'zai', status: 401 });
    });

    it('prefers the apiKey option over the env var', async () => {
      process.env['OPENAI_API_KEY'] = 'sk-from-env';
      server.enqueue(ok, ok);
      await completion({ model: 'openai/gpt-4o-mini', messages }, { apiBase: server.url });
      await completion(...call());
      expect(server.requests[0]?.headers['authorization']).toBe('Bearer sk-from-env');
      expect(server.requests[1]?.headers['authorization']).toBe('Bearer sk-test');
    });

    it('calls a keyless local server without an authorization header', async () => {
      server.enqueue(ok);
      delete process.env['HOSTED_VLLM_API_KEY'];
      await completion({ model: 'hosted_vllm/meta-llama/Llama-3.1-8B', messages }, { apiBase: `${server.url}/v1` });
      expect(server.requests[0]?.url).toBe('/v1/chat/completions');
      expect(server.requests[0]?.headers).not.toHaveProperty('authorization');
      expect(server.requests[0]?.body).toMatchObject({ model: 'meta-llama/Llama-3.1-8B' });
    });
  });

  describe('params', () => {
    it('rejects a standard param the provider does not support, naming it', async () => {
      const error = await completion({ model: 'zai/glm-4.7', messages, logit_bias: { '50256': -100 } }, { apiKey: 'k' }).catch(
        (caught: unknown) => caught,
      );
      expect(error).toBeInstanceOf(UnsupportedParamsError);
      expect(error).toMatchObject({ status: 400, param: 'logit_bias' });
      expect((error as Error).message).toContain('dropParams');
    });

    it('drops it with dropParams and reports a warning', async () => {
      server.enqueue(ok);
      const result = await completion(
        { model: 'zai/glm-4.7', messages, logit_bias: { '50256': -100 }, seed: 3, temperature: 0.5 },
        { apiKey: 'k', apiBase: server.url, dropParams: true },
      );
      expect(server.requests[0]?.body).toEqual({ model: 'glm-4.7', messages, temperature: 0.5 });
      expect(result.tollgate.warnings.join(' ')).toMatch(/Dropped params.*logit_bias, seed/);
    });

    it('passes provider-specific params through and never sends call options', async () => {
      server.enqueue(ok);
      await completion(...call({ top_k: 40, repetition_penalty: 1.1 }, { numRetries: 0, timeoutMs: 5000, headers: { 'X-Trace': 'abc' } }));
      expect(server.requests[0]?.body).toEqual({ model: 'gpt-4o-mini', messages, top_k: 40, repetition_penalty: 1.1 });
      expect(server.requests[0]?.headers['x-trace']).toBe('abc');
    });

    it('never reads a call option from the request: removes it with a warning and never sends it', async () => {
      const elsewhere = await startReplayServer();
      server.enqueue(ok);
      const result = await completion(
        ...call({
          apiBase: elsewhere.url,
          api_base: elsewhere.url,
          base_url: elsewhere.url,
          apiKey: 'sk-from-body',
          api_key: 'sk-from-body',
          headers: { 'x-from-body': '1' },
          extra_headers: { 'x-from-body': '1' },
          mockResponse: 'free',
          mock_response: 'free',
          timeout: 0.001,
          num_retries: 9,
          dispatcher: {},
        }),
      );
      await elsewhere.close();
      expect(elsewhere.requests).toHaveLength(0);
      expect(server.requests[0]?.headers['authorization']).toBe('Bearer sk-test');
      expect(server.requests[0]?.headers['x-from-body']).toBeUndefined();
      expect(server.requests[0]?.body).toEqual({ model: 'gpt-4o-mini', messages });
      expect(result.choices[0]?.message.content).toBe('Hello');
      expect(result.tollgate.warnings.filter((warning) => warning.startsWith('Removed '))).toHaveLength(12);
      expect(result.tollgate.warnings.join(' ')).toContain("Removed 'api_base' from the request");
    });

    it('validates the request with core and names the faulty param', async () => {
      const error = await completion(...call({ temperature: 7 })).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(BadRequestError);
      expect(error).toMatchObject({ param: 'temperature' });
    });

    it('resolves a bare model name the catalogue knows', async () => {
      server.enqueue(ok);
      const result = await completion({ model: 'gpt-4o-mini', messages }, { apiKey: 'sk', apiBase: server.url });
      expect(result.tollgate.provider).toBe('openai');
    });

    it('rejects an unknown model with BadRequestError on param model', async () => {
      await expect(completion({ model: 'nobody/knows-this', messages })).rejects.toMatchObject({ param: 'model', status: 400 });
    });
  });

  describe('retries', () => {
    it('retries a 429 after the retry-after delay, then succeeds', async () => {
      server.enqueue(rateLimited('0.05'), rateLimited('0.05'), ok);
      const started = Date.now();
      const result = await completion(...call({}, { numRetries: 2 }));
      expect(Date.now() - started).toBeGreaterThanOrEqual(90);
      expect(server.requests).toHaveLength(3);
      expect(result.tollgate.attempts).toBe(3);
      expect(result.choices[0]?.message.content).toBe('Hello');
    });

    it('gives up after numRetries and throws the last error', async () => {
      server.enqueue(rateLimited('0'), rateLimited('0'), ok);
      await expect(completion(...call({}, { numRetries: 1 }))).rejects.toBeInstanceOf(RateLimitError);
      expect(server.requests).toHaveLength(2);
    });

    it('does not retry by default, nor a non-retryable error', async () => {
      server.enqueue(rateLimited('0'), { status: 400, body: '{"error":{"message":"bad"}}' }, ok);
      await expect(completion(...call())).rejects.toBeInstanceOf(RateLimitError);
      await expect(completion(...call({}, { numRetries: 3 }))).rejects.toBeInstanceOf(BadRequestError);
      expect(server.requests).toHaveLength(2);
    });

    it('retries a 5xx with exponential backoff', async () => {
      server.enqueue({ status: 503, body: 'unavailable' }, ok);
      const result = await completion(...call({}, { numRetries: 1, retryBaseDelayMs: 10 }));
      expect(result.tollgate.attempts).toBe(2);
    });

    it('retries a stream that fails before its first chunk, but never after the first chunk was yielded', async () => {
      server.enqueue(rateLimited('0'), {
        status: 200,
        headers: { 'content-type': 'text/event-stream' },
        body: chunkLine({ role: 'assistant', content: 'part' }) + chunkLine({ content: 'ial' }),
        split: [10, 200],
        pieceDelayMs: 30,
        destroyAfterPieces: 2,
      });
      const stream = await completion(...call({ stream: true }, { numRetries: 3 }));
      const received: string[] = [];
      const error = await (async () => {
        for await (const chunk of stream) received.push(chunk.choices[0]?.delta.content ?? '');
      })().catch((caught: unknown) => caught);
      expect(received).toEqual(['part']);
      expect(error).toBeInstanceOf(ProviderError);
      expect((error as ProviderError).upstreamStatus).toBe(0);
      expect(server.requests).toHaveLength(2);
    });
  });

  describe('timeouts, aborts and network failures', () => {
    it('turns a slow provider into TimeoutError', async () => {
      server.enqueue({ ...ok, delayMs: 500 });
      const error = await completion(...call({}, { timeoutMs: 100 })).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(TimeoutError);
      expect(error).toMatchObject({ status: 408, provider: 'openai' });
    });

    it('turns a stalled stream into TimeoutError', async () => {
      server.enqueue({
        status: 200,
        headers: { 'content-type': 'text/event-stream' },
        body: chunkLine({ content: 'a' }) + chunkLine({ content: 'b' }),
        split: [chunkLine({ content: 'a' }).length],
        pieceDelayMs: 600,
      });
      const stream = await completion(...call({ stream: true }, { timeoutMs: 150 }));
      const received: string[] = [];
      const error = await (async () => {
        for await (const chunk of stream) received.push(chunk.choices[0]?.delta.content ?? '');
      })().catch((caught: unknown) => caught);
      expect(received).toEqual(['a']);
      expect(error).toBeInstanceOf(TimeoutError);
    });

    it('does not count the time the consumer spends between reads against the stream timeout', async () => {
      server.enqueue({
        status: 200,
        headers: { 'content-type': 'text/event-stream' },
        body: chunkLine({ content: 'a' }) + chunkLine({ content: 'b' }) + chunkLine({ content: 'c' }),
        split: [chunkLine({ content: 'a' }).length, chunkLine({ content: 'a' }).length * 2],
        pieceDelayMs: 40,
      });
      const stream = await completion(...call({ stream: true }, { timeoutMs: 100 }));
      const received: string[] = [];
      for await (const chunk of stream) {
        received.push(chunk.choices[0]?.delta.content ?? '');
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
      expect(received).toEqual(['a', 'b', 'c']);
    });

    it("rethrows the caller's abort reason, and AbortSignal.timeout as TimeoutError", async () => {
      server.enqueue({ ...ok, delayMs: 500 }, { ...ok, delayMs: 500 });
      const controller = new AbortController();
      const reason = new Error('user went away');
      setTimeout(() => controller.abort(reason), 50);
      await expect(completion(...call({}, { signal: controller.signal }))).rejects.toBe(reason);
      await expect(completion(...call({}, { signal: AbortSignal.timeout(50) }))).rejects.toBeInstanceOf(TimeoutError);
    });

    it('aborts a running stream', async () => {
      server.enqueue({
        status: 200,
        headers: { 'content-type': 'text/event-stream' },
        body: chunkLine({ content: 'a' }) + chunkLine({ content: 'b' }),
        split: [chunkLine({ content: 'a' }).length],
        pieceDelayMs: 2000,
      });
      const controller = new AbortController();
      const stream = await completion(...call({ stream: true }, { signal: controller.signal }));
      setTimeout(() => controller.abort(), 50);
      const started = Date.now();
      await expect(collect(stream)).rejects.toMatchObject({ name: 'AbortError' });
      expect(Date.now() - started).toBeLessThan(1500);
    });

    it('turns a refused connection into a retryable ProviderError with status 0', async () => {
      const closed = await startReplayServer();
      const url = closed.url;
      await closed.close();
      const error = await completion(...call({}, { apiBase: url })).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(ProviderError);
      expect((error as ProviderError).upstreamStatus).toBe(0);
      expect((error as ProviderError).isRetryable).toBe(true);
      expect((error as Error).message).toContain('ECONNREFUSED');
    });

    it('fails a request that cannot be serialised with a BadRequestError before any I/O, never a ProviderError', async () => {
      let metadata: Record<string, unknown> = { leaf: 1 };
      for (let depth = 0; depth < 100_000; depth += 1) metadata = { a: metadata };
      const error = await completion(...call({ metadata }, { numRetries: 3 })).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(BadRequestError);
      expect(error).toMatchObject({ status: 400, code: 'unserializable_request' });
      expect(server.requests).toHaveLength(0);
    });

    it('turns a 2xx body that is not JSON into ProviderError', async () => {
      server.enqueue({ status: 200, body: '<html>gateway</html>' });
      await expect(completion(...call())).rejects.toMatchObject({ upstreamStatus: 502 });
    });
  });

  describe('usage', () => {
    it('counts usage itself when the provider reports none, and says so', async () => {
      server.enqueue({
        status: 200,
        headers: { 'content-type': 'text/event-stream' },
        body: chunkLine({ role: 'assistant', content: 'Hello there' }) + chunkLine({}, 'stop') + 'data: [DONE]\n\n',
      });
      const stream = await completion(...call({ stream: true, stream_options: { include_usage: true } }));
      const chunks = await collect(stream);
      const last = chunks.at(-1);
      expect(last?.choices).toEqual([]);
      expect(last?.usage?.completion_tokens).toBeGreaterThan(0);
      expect(last?.usage?.prompt_tokens).toBeGreaterThan(0);
      expect(stream.tollgate?.usageEstimated).toBe(true);
      expect((last as unknown as { tollgate: unknown }).tollgate).toBe(stream.tollgate);
      expect(aggregateChunks(chunks).choices[0]?.content).toBe('Hello there');
    });
  });

  it('validates the request unless its caller says it already did', async () => {
    const outOfRange = { model: 'openai/gpt-4o', messages, temperature: 5 };
    await expect(completion(outOfRange, { mockResponse: 'ok' })).rejects.toMatchObject({ status: 400, param: 'temperature' });
    const trusted = await completion(outOfRange, { mockResponse: 'ok', requestValidated: true });
    expect(trusted.choices[0]?.message.content).toBe('ok');
  });

  describe('mockResponse', () => {
    it('answers a string without any network call, priced as the named model', async () => {
      const result = await completion({ model: 'openai/gpt-4o', messages }, { mockResponse: 'Mocked!' });
      expect(result.choices[0]?.message.content).toBe('Mocked!');
      expect(result.usage?.completion_tokens).toBeGreaterThan(0);
      expect(result.tollgate.costUsd).toBeGreaterThan(0);
      expect(server.requests).toHaveLength(0);
    });

    it('streams a mocked string', async () => {
      const stream = await completion({ model: 'openai/gpt-4o', messages, stream: true }, { mockResponse: 'A longer mocked reply, streamed.' });
      const aggregated = aggregateChunks(await collect(stream));
      expect(aggregated.choices[0]).toMatchObject({ content: 'A longer mocked reply, streamed.', finish_reason: 'stop' });
      expect(aggregated.chunkCount).toBeGreaterThan(2);
    });

    it('throws an Error instance as is', async () => {
      const error = new RateLimitError('mock 429');
      await expect(completion({ model: 'openai/gpt-4o', messages }, { mockResponse: error })).rejects.toBe(error);
    });
  });
});
