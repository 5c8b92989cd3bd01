import OpenAI from 'openai';
import { startMockUpstream, type MockUpstream } from '../start-mock-upstream.js';
import { estimatePromptTokens } from '../plan/estimate-prompt-tokens.js';
import { json, parseSse, postJson, sseJson } from '../testing-internal/sse.js';

let upstream: MockUpstream;
let client: OpenAI;

beforeAll(async () => {
  upstream = await startMockUpstream();
  client = new OpenAI({ apiKey: 'sk-test-key', baseURL: `${upstream.url}/v1`, maxRetries: 0 });
});
afterEach(() => upstream.reset());
afterAll(() => upstream.close());

const messages = [{ role: 'user' as const, content: 'What is the weather in Florence?' }];

describe('OpenAI chat completions', () => {
  it('answers a non-streamed request with a chat.completion of the default 32 tokens', async () => {
    const completion = await client.chat.completions.create({ model: 'gpt-4o-mini', messages });

    expect(completion).toMatchObject({
      object: 'chat.completion',
      model: 'gpt-4o-mini',
      service_tier: 'default',
      choices: [{ index: 0, finish_reason: 'stop', logprobs: null, message: { role: 'assistant', refusal: null, annotations: [] } }],
    });
    expect(completion.id).toMatch(/^chatcmpl-[A-Za-z0-9]{29}$/);
    expect(completion.system_fingerprint).toMatch(/^fp_[0-9a-f]{10}$/);
    expect(completion.created).toBeCloseTo(Date.now() / 1000, -1);
    expect(completion.choices[0]?.message.content?.split(' ')).toHaveLength(32);
    const promptTokens = estimatePromptTokens({ messages }, 'openai');
    expect(completion.usage).toEqual({
      prompt_tokens: promptTokens,
      completion_tokens: 32,
      total_tokens: promptTokens + 32,
      prompt_tokens_details: { cached_tokens: 0, audio_tokens: 0 },
      completion_tokens_details: { reasoning_tokens: 0, audio_tokens: 0, accepted_prediction_tokens: 0, rejected_prediction_tokens: 0 },
    });
  });

  it('records the request with its bearer key, body, model and route', async () => {
    await client.chat.completions.create({ model: 'gpt-4o-mini', messages, temperature: 0.2 });

    expect(upstream.requests).toHaveLength(1);
    expect(upstream.requests[0]).toMatchObject({
      method: 'POST',
      path: '/v1/chat/completions',
      route: 'openai.chat',
      format: 'openai',
      model: 'gpt-4o-mini',
      stream: false,
      apiKey: 'sk-test-key',
      body: { model: 'gpt-4o-mini', messages, temperature: 0.2 },
    });
    expect(upstream.requests[0]?.headers.authorization).toBe('Bearer sk-test-key');
  });

  it('streams one frame per token, a finish chunk, a usage chunk with include_usage, then [DONE]', async () => {
    upstream.setBehaviour({ reply: 'text', text: 'Olá! Tudo bem?', usage: { cachedTokens: 2 } });
    const response = await postJson(`${upstream.url}/v1/chat/completions`, {
      model: 'gpt-4o', messages, stream: true, stream_options: { include_usage: true },
    });
    const text = await response.text();

    expect(response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    const events = parseSse(text);
    expect(events.at(-1)?.data).toBe('[DONE]');
    const chunks = sseJson(text);
    expect(chunks.map((chunk) => chunk.choices[0]?.delta)).toEqual([
      { role: 'assistant', content: '', refusal: null }, { content: 'Olá!' }, { content: ' Tudo' }, { content: ' bem?' }, {}, undefined,
    ]);
    expect(chunks.every((chunk) => chunk.object === 'chat.completion.chunk' && chunk.id === chunks[0]?.id)).toBe(true);
    expect(chunks.slice(0, -1).every((chunk) => chunk.usage === null)).toBe(true);
    expect(chunks[4]?.choices[0]?.finish_reason).toBe('stop');
    expect(chunks[5]).toMatchObject({ choices: [], usage: { completion_tokens: 3, prompt_tokens_details: { cached_tokens: 2 } } });
  });

  it('omits usage from chunks without include_usage', async () => {
    const response = await postJson(`${upstream.url}/chat/completions`, { model: 'gpt-4o', messages, stream: true });
    const chunks = sseJson(await response.text());

    expect(chunks).toHaveLength(1 + 32 + 1);
    expect(chunks.some((chunk) => 'usage' in chunk)).toBe(false);
  });

  it('works with the openai client stream helper', async () => {
    upstream.setBehaviour({ reply: 'text', completionTokens: 5 });
    const stream = await client.chat.completions.create({ model: 'gpt-4o', messages, stream: true, stream_options: { include_usage: true } });
    let content = '';
    let usage: OpenAI.CompletionUsage | null | undefined;
    for await (const chunk of stream) {
      content += chunk.choices[0]?.delta.content ?? '';
      usage = chunk.usage ?? usage;
    }

    expect(content).toBe('Hello from the Tollgate mock.');
    expect(usage?.completion_tokens).toBe(5);
  });

  it('returns tool calls in the message, non-streamed', async () => {
    upstream.setBehaviour({ reply: 'tool_calls', calls: [{ name: 'weather', arguments: { location: 'Florence, Italy' } }] });
    const completion = await client.chat.completions.create({ model: 'gpt-4o', messages });

    const message = completion.choices[0]?.message;
    expect(completion.choices[0]?.finish_reason).toBe('tool_calls');
    expect(message?.content).toBeNull();
    expect(message?.tool_calls).toEqual([
      { id: expect.stringMatching(/^call_[A-Za-z0-9]{24}$/), type: 'function', function: { name: 'weather', arguments: '{"location":"Florence, Italy"}' } },
    ]);
  });

  it('streams parallel tool calls as index/id/name then argument fragments', async () => {
    upstream.setBehaviour({
      reply: 'tool_calls',
      calls: [{ name: 'add', arguments: { a: 2, b: 3 } }, { name: 'multiply', arguments: '{"a": 2, "b": 3}' }],
    });
    const stream = await client.chat.completions.create({ model: 'gpt-4o', messages, stream: true });
    const calls: { id?: string; name?: string; arguments: string }[] = [];
    const fragmentsPerCall = [0, 0];
    let finish: string | null | undefined;
    for await (const chunk of stream) {
      for (const delta of chunk.choices[0]?.delta.tool_calls ?? []) {
        const call = (calls[delta.index] ??= { arguments: '' });
        call.id ??= delta.id;
        call.name ??= delta.function?.name;
        call.arguments += delta.function?.arguments ?? '';
        if (delta.id === undefined) fragmentsPerCall[delta.index] = (fragmentsPerCall[delta.index] ?? 0) + 1;
      }
      finish = chunk.choices[0]?.finish_reason ?? finish;
    }

    expect(finish).toBe('tool_calls');
    expect(calls.map((call) => [call.name, JSON.parse(call.arguments)])).toEqual([['add', { a: 2, b: 3 }], ['multiply', { a: 2, b: 3 }]]);
    expect(calls[1]?.arguments).toBe('{"a": 2, "b": 3}');
    expect(calls[0]?.id).not.toBe(calls[1]?.id);
    expect(fragmentsPerCall.every((count) => count > 1)).toBe(true);
  });

  it('returns reasoning_content and counts reasoning tokens', async () => {
    upstream.setBehaviour({ reply: 'reasoning', reasoning: 'The user wants a greeting.', text: 'Hi!' });
    const response = await postJson(`${upstream.url}/v1/chat/completions`, { model: 'deepseek-reasoner', messages });
    const body = await json(response);

    expect(body.choices[0].message).toMatchObject({ content: 'Hi!', reasoning_content: 'The user wants a greeting.' });
    expect(body.usage).toMatchObject({ completion_tokens: 6, completion_tokens_details: { reasoning_tokens: 5 } });
  });

  it('streams reasoning_content deltas before content', async () => {
    upstream.setBehaviour({ reply: 'reasoning', reasoning: 'Think hard.', text: 'Done.' });
    const response = await postJson(`${upstream.url}/v1/chat/completions`, { model: 'glm-4.7', messages, stream: true });
    const deltas = sseJson(await response.text()).map((chunk) => chunk.choices[0]?.delta);

    expect(deltas.slice(1, 4)).toEqual([{ reasoning_content: 'Think' }, { reasoning_content: ' hard.' }, { content: 'Done.' }]);
  });

  it('stops at max_tokens with finish_reason length', async () => {
    const completion = await client.chat.completions.create({ model: 'gpt-4o', messages, max_tokens: 3 });

    expect(completion.choices[0]?.finish_reason).toBe('length');
    expect(completion.choices[0]?.message.content).toBe('Hello from the');
    expect(completion.usage?.completion_tokens).toBe(3);
  });

  it('applies usage overrides', async () => {
    upstream.setBehaviour({ reply: 'text', text: 'ok', usage: { promptTokens: 1000, completionTokens: 50, cachedTokens: 800, reasoningTokens: 20 } });
    const completion = await client.chat.completions.create({ model: 'gpt-4o', messages });

    expect(completion.usage).toMatchObject({
      prompt_tokens: 1000, completion_tokens: 50, total_tokens: 1050,
      prompt_tokens_details: { cached_tokens: 800 }, completion_tokens_details: { reasoning_tokens: 20 },
    });
  });

  it('rejects a request without messages in OpenAI error format', async () => {
    const response = await postJson(`${upstream.url}/v1/chat/completions`, { model: 'gpt-4o' });

    expect(response.status).toBe(400);
    expect(await json(response)).toEqual({
      error: { message: "'messages' must be a non-empty array.", type: 'invalid_request_error', param: 'messages', code: null },
    });
  });
});

describe('OpenAI embeddings', () => {
  it('returns deterministic unit vectors of the model size, one per input', async () => {
    const first = await client.embeddings.create({ model: 'text-embedding-3-small', input: ['sunny day', 'rainy day'], encoding_format: 'float' });
    const again = await client.embeddings.create({ model: 'text-embedding-3-small', input: 'sunny day', encoding_format: 'float' });

    expect(first.data).toHaveLength(2);
    expect(first.data[0]?.embedding).toHaveLength(1536);
    expect(first.data[0]?.embedding).toEqual(again.data[0]?.embedding);
    expect(first.data[0]?.embedding).not.toEqual(first.data[1]?.embedding);
    const norm = Math.hypot(...(first.data[0]?.embedding ?? []));
    expect(norm).toBeCloseTo(1, 5);
    expect(first).toMatchObject({ object: 'list', model: 'text-embedding-3-small', usage: { prompt_tokens: 6, total_tokens: 6 } });
  });

  it('honours dimensions and encodes base64 as little-endian float32', async () => {
    const floats = await json(await postJson(`${upstream.url}/v1/embeddings`, { model: 'text-embedding-3-large', input: 'beach', dimensions: 8 }));
    const encoded = await json(await postJson(`${upstream.url}/v1/embeddings`, {
      model: 'text-embedding-3-large', input: 'beach', dimensions: 8, encoding_format: 'base64',
    }));

    const bytes = Buffer.from(encoded.data[0].embedding, 'base64');
    const decoded = Array.from(new Float32Array(bytes.buffer, bytes.byteOffset, bytes.length / 4));
    expect(floats.data[0].embedding).toHaveLength(8);
    expect(decoded).toEqual(floats.data[0].embedding.map((value: number) => Math.fround(value)));
  });

  it('lets the openai client decode its default base64 request', async () => {
    const result = await client.embeddings.create({ model: 'text-embedding-3-small', input: 'beach', dimensions: 4 });
    const floats = await json(await postJson(`${upstream.url}/v1/embeddings`, { model: 'text-embedding-3-small', input: 'beach', dimensions: 4 }));

    expect(upstream.requests[0]?.body).toMatchObject({ encoding_format: 'base64' });
    expect(result.data[0]?.embedding).toEqual(floats.data[0].embedding.map((value: number) => Math.fround(value)));
  });

  it('counts one token per id for token-array input', async () => {
    const body = await json(await postJson(`${upstream.url}/v1/embeddings`, { model: 'text-embedding-3-small', input: [[1, 2, 3], [4, 5]], dimensions: 2 }));

    expect(body.usage).toEqual({ prompt_tokens: 5, total_tokens: 5 });
    expect(body.data).toHaveLength(2);
  });
});

describe('OpenAI models', () => {
  it('lists the configured models and fetches one', async () => {
    const page = await client.models.list();
    const model = await client.models.retrieve('gpt-4o');

    expect(page.data.map((entry) => entry.id)).toContain('gpt-4o-mini');
    expect(model).toMatchObject({ id: 'gpt-4o', object: 'model', owned_by: 'system' });
    await expect(client.models.retrieve('no-such-model')).rejects.toMatchObject({ status: 404, code: 'model_not_found' });
  });
});
