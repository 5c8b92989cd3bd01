import { gzipSync } from 'node:zlib';
import { nanoUsdToUsd } from '@tollgate/core';
import OpenAI from 'openai';
import { manage, MASTER_KEY, startTestProxy, UPSTREAM_KEY, type TestProxy } from './start-test-proxy.js';

let testProxy: TestProxy;
let client: OpenAI;

beforeAll(async () => {
  testProxy = await startTestProxy();
  client = new OpenAI({ apiKey: MASTER_KEY, baseURL: testProxy.baseURL, maxRetries: 0 });
});
afterAll(async () => {
  await testProxy.stop();
});

describe('OpenAI routes through the proxy (official openai client)', () => {
  it('answers a chat completion with LiteLLM headers and its cost', async () => {
    testProxy.upstream.enqueue({ reply: 'text', text: 'Hello there friend' });
    const { data, response } = await client.chat.completions
      .create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }] })
      .withResponse();
    expect(data.choices[0]?.message.content).toBe('Hello there friend');
    expect(data.usage?.completion_tokens).toBeGreaterThan(0);
    expect(response.headers.get('x-litellm-call-id')).toMatch(/^[0-9a-f-]{36}$/);
    // The SDK's request id is ours (SDKs read `x-request-id`), the same as LiteLLM's call id.
    expect((data as { _request_id?: string | null })._request_id).toBe(response.headers.get('x-litellm-call-id'));
    expect(response.headers.get('x-litellm-version')).toMatch(/^\d+\.\d+\.\d+/);
    expect(response.headers.get('x-litellm-model-group')).toBe('gpt-4o-mini');
    expect(response.headers.get('x-litellm-model-id')).toBeTruthy();
    // gpt-4o-mini: 150 nano-USD per prompt token, 600 per completion token.
    const { prompt_tokens: prompt = 0, completion_tokens: completion = 0 } = data.usage ?? {};
    expect(Number(response.headers.get('x-litellm-response-cost'))).toBe(nanoUsdToUsd(prompt * 150 + completion * 600));
    expect(Number(response.headers.get('x-litellm-overhead-duration-ms'))).toBeGreaterThanOrEqual(0);
    // The upstream got the configured provider key, never the caller's key.
    expect(testProxy.upstream.requests.at(-1)?.apiKey).toBe(UPSTREAM_KEY);
  });

  it('streams chunks and ends with a usage chunk carrying the cost', async () => {
    const stream = await client.chat.completions.create({
      model: 'gpt-4o-mini',
      messages: [{ role: 'user', content: 'stream please' }],
      stream: true,
      stream_options: { include_usage: true },
    });
    let text = '';
    let usage: (OpenAI.CompletionUsage & { cost?: number }) | undefined;
    for await (const chunk of stream) {
      text += chunk.choices[0]?.delta.content ?? '';
      if (chunk.usage) usage = chunk.usage;
    }
    expect(text.length).toBeGreaterThan(0);
    expect(usage?.completion_tokens).toBe(32);
    expect(usage?.cost).toBe(nanoUsdToUsd((usage?.prompt_tokens ?? 0) * 150 + 32 * 600));
  });

  it('passes tool calls through in OpenAI format, streamed and not', async () => {
    testProxy.upstream.enqueue({ reply: 'tool_calls', calls: [{ name: 'get_weather', arguments: { city: 'Paris' } }] });
    const tools = [{ type: 'function' as const, function: { name: 'get_weather', parameters: { type: 'object', properties: { city: { type: 'string' } } } } }];
    const completion = await client.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'weather?' }], tools });
    const call = completion.choices[0]?.message.tool_calls?.[0];
    expect(completion.choices[0]?.finish_reason).toBe('tool_calls');
    expect(call?.type === 'function' && JSON.parse(call.function.arguments)).toEqual({ city: 'Paris' });

    testProxy.upstream.enqueue({ reply: 'tool_calls', calls: [{ name: 'get_weather', arguments: { city: 'Oslo' } }] });
    const stream = client.chat.completions.stream({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'weather?' }], tools });
    const final = await stream.finalChatCompletion();
    const streamed = final.choices[0]?.message.tool_calls?.[0];
    expect(streamed?.type === 'function' && JSON.parse(streamed.function.arguments)).toEqual({ city: 'Oslo' });
  });

  it('serves embeddings and the offline mock model', async () => {
    const embeddings = await client.embeddings.create({ model: 'text-embedding-3-small', input: ['a', 'b'] });
    expect(embeddings.data).toHaveLength(2);
    const offline = await client.chat.completions.create({ model: 'offline', messages: [{ role: 'user', content: 'hi' }] });
    expect(offline.choices[0]?.message.content).toBeTruthy();
  });

  it('lists models the key may use', async () => {
    const models = await client.models.list();
    expect(models.data.map((model) => model.id).sort()).toEqual(['gpt-4o-mini', 'offline', 'text-embedding-3-small']);
  });

  it('surfaces errors as the client typed errors with OpenAI bodies', async () => {
    await expect(client.chat.completions.create({ model: 'nope', messages: [{ role: 'user', content: 'x' }] })).rejects.toMatchObject({
      status: 400,
      error: expect.objectContaining({ param: 'model' }),
    });
    await expect(
      client.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'robot' as 'user', content: 'x' }] }),
    ).rejects.toMatchObject({ status: 400, error: expect.objectContaining({ param: 'messages[0].role' }) });
    const anonymous = new OpenAI({ apiKey: 'sk-not-a-key', baseURL: testProxy.baseURL, maxRetries: 0 });
    await expect(anonymous.models.list()).rejects.toBeInstanceOf(OpenAI.AuthenticationError);
    testProxy.upstream.enqueue({ reply: 'error', status: 429 });
    await expect(client.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'x' }] })).rejects.toBeInstanceOf(
      OpenAI.RateLimitError,
    );
    await expect(
      client.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'x' }], api_base: 'http://evil' } as never),
    ).rejects.toMatchObject({ status: 400, error: expect.objectContaining({ param: 'api_base' }) });
  });

  it('refuses bodies that are not JSON or too large', async () => {
    const bad = await fetch(`${testProxy.baseURL}/chat/completions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${MASTER_KEY}`, 'content-type': 'application/json' },
      body: '{"model":',
    });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { code: string } }).error.code).toBe('invalid_json');
    const large = await fetch(`${testProxy.baseURL}/chat/completions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${MASTER_KEY}`, 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'x'.repeat(11 * 1024 * 1024) }] }),
    });
    expect(large.status).toBe(413);
  });

  it('answers a gzip-compressed body (left to Express by the fast path) like a plain one', async () => {
    const body = JSON.stringify({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'compressed hello' }] });
    const answers = [];
    for (const compressed of [false, true]) {
      const response = await fetch(`${testProxy.baseURL}/chat/completions`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${MASTER_KEY}`,
          'content-type': 'application/json',
          ...(compressed ? { 'content-encoding': 'gzip' } : {}),
        },
        body: compressed ? gzipSync(body) : body,
      });
      expect(response.status).toBe(200);
      expect(response.headers.get('x-litellm-model-group')).toBe('gpt-4o-mini');
      const answer = (await response.json()) as { object: string; usage: { prompt_tokens: number } };
      answers.push({ object: answer.object, promptTokens: answer.usage.prompt_tokens });
    }
    expect(answers[1]).toEqual(answers[0]);
  });

  it('finds a call in the spend logs by the id of its answer as well as by its call id (streamed too)', async () => {
    const { data, response } = await client.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'find me' }] }).withResponse();
    const stream = await client.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'find me too' }], stream: true });
    let streamedId = '';
    for await (const chunk of stream) streamedId ||= chunk.id;
    const callId = response.headers.get('x-litellm-call-id') as string;
    const byResponseId = await manage(testProxy, `/spend/logs?request_id=${encodeURIComponent(data.id)}`);
    const byCallId = await manage(testProxy, `/spend/logs?request_id=${encodeURIComponent(callId)}`);
    const byStreamedId = await manage(testProxy, `/spend/logs?request_id=${encodeURIComponent(streamedId)}`);
    expect(byResponseId).toHaveLength(1);
    expect(byResponseId).toEqual(byCallId);
    expect(byStreamedId).toHaveLength(1);
    expect(byStreamedId[0].request_id).not.toBe(callId);
  });

  it('books each call once and never logs a key', async () => {
    const generated = await manage(testProxy, '/key/generate', { models: ['gpt-4o-mini'] });
    const keyClient = new OpenAI({ apiKey: generated.key, baseURL: testProxy.baseURL, maxRetries: 0 });
    let expectedSpend = 0;
    for (let index = 0; index < 3; index += 1) {
      const { response } = await keyClient.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: `hi ${index}` }] }).withResponse();
      expectedSpend += Number(response.headers.get('x-litellm-response-cost'));
      expect(Number(response.headers.get('x-litellm-key-spend'))).toBeCloseTo(expectedSpend, 12);
    }
    await expect(keyClient.chat.completions.create({ model: 'offline', messages: [{ role: 'user', content: 'x' }] })).rejects.toMatchObject({
      status: 401,
      error: expect.objectContaining({ type: 'key_model_access_denied' }),
    });
    const info = await manage(testProxy, `/key/info?key=${encodeURIComponent(generated.key)}`);
    expect(info.info.spend).toBeCloseTo(expectedSpend, 12);
    const logs = await manage(testProxy, `/spend/logs?api_key=${encodeURIComponent(generated.key)}&summarize=false`);
    expect(Array.isArray(logs) ? logs.length : (logs as { data?: unknown[] }).data?.length).toBe(3);
    const allLogs = testProxy.logs.join('\n');
    expect(allLogs.length).toBeGreaterThan(0);
    for (const secret of [MASTER_KEY, UPSTREAM_KEY, generated.key]) expect(allLogs).not.toContain(secret);
  });
});
