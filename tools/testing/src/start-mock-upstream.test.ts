import OpenAI from 'openai';
import { startMockUpstream, type MockUpstream } from './start-mock-upstream.js';
import { json, postJson, sseJson } from './testing-internal/sse.js';

let upstream: MockUpstream;

beforeEach(async () => {
  upstream = await startMockUpstream({ completionTokens: 3 });
});
afterEach(() => upstream.close());

const chat = { model: 'gpt-4o', messages: [{ role: 'user', content: 'hi' }] };
const anthropicChat = { model: 'claude-sonnet-4-5', max_tokens: 64, messages: [{ role: 'user', content: 'hi' }] };
const geminiChat = { contents: [{ role: 'user', parts: [{ text: 'hi' }] }] };
const chatUrl = (): string => `${upstream.url}/v1/chat/completions`;

/** Reads a streamed body until it ends or breaks; returns what arrived and how it ended. */
async function readUntilEnd(response: Response): Promise<{ text: string; failed: boolean; endedAt: number }> {
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  let text = '';
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return { text, failed: false, endedAt: Date.now() };
      text += decoder.decode(value, { stream: true });
    }
  } catch {
    return { text, failed: true, endedAt: Date.now() };
  }
}

describe('errors', () => {
  it('answers an error behaviour in each provider format', async () => {
    upstream.setBehaviour({ reply: 'error', status: 429 });
    const openai = await postJson(chatUrl(), chat);
    upstream.setBehaviour({ reply: 'error', status: 529 });
    const anthropic = await postJson(`${upstream.url}/v1/messages`, anthropicChat);
    upstream.setBehaviour({ reply: 'error', status: 429, message: 'Quota gone.' });
    const gemini = await postJson(`${upstream.url}/v1beta/models/gemini-2.5-flash:generateContent`, geminiChat);

    expect(openai.status).toBe(429);
    expect((await json(openai)).error).toMatchObject({ type: 'requests', code: 'rate_limit_exceeded', param: null });
    expect(anthropic.status).toBe(529);
    expect(await json(anthropic)).toEqual({ type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } });
    expect(gemini.status).toBe(429);
    expect(await json(gemini)).toEqual({ error: { code: 429, message: 'Quota gone.', status: 'RESOURCE_EXHAUSTED' } });
    expect(upstream.stats().errors).toBe(3);
  });

  it('sends a custom body and headers verbatim', async () => {
    upstream.setBehaviour({ reply: 'error', status: 503, body: 'upstream connect error', headers: { 'content-type': 'text/plain', 'retry-after': '7' } });
    const response = await postJson(chatUrl(), chat);

    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('7');
    expect(response.headers.get('content-type')).toBe('text/plain');
    expect(await response.text()).toBe('upstream connect error');
  });

  it('answers an unknown path with OpenAI invalid URL 404 and bad JSON with 400', async () => {
    const unknown = await postJson(`${upstream.url}/v1/nothing-here`, {});
    const badJson = await fetch(chatUrl(), { method: 'POST', body: '{not json' });

    expect(unknown.status).toBe(404);
    expect((await json(unknown)).error.message).toBe('Invalid URL (POST /v1/nothing-here)');
    expect(badJson.status).toBe(400);
    expect(upstream.requests.at(-1)?.body).toBe('{not json');
  });
});

describe('raw replies', () => {
  it('replays exact bytes, including pieces that split a UTF-8 character, as separate writes', async () => {
    const sse = Buffer.from('data: {"text":"Olá"}\n\ndata: [DONE]\n\n');
    const cut = sse.indexOf(Buffer.from('á')) + 1; // inside the two bytes of "á"
    upstream.setBehaviour({ reply: 'raw', body: [sse.subarray(0, cut), sse.subarray(cut)], contentType: 'text/event-stream', chunkDelayMs: 20 });
    const startedAt = Date.now();
    const response = await postJson(chatUrl(), { ...chat, stream: true });
    const result = await readUntilEnd(response);

    expect(response.headers.get('content-type')).toBe('text/event-stream');
    expect(result.text).toBe(sse.toString());
    expect(result.endedAt - startedAt).toBeGreaterThanOrEqual(18);
  });

  it('sends a raw body with a chosen status, also from the x-mock-behaviour header', async () => {
    const response = await postJson(`${upstream.url}/v1/messages`, anthropicChat, {
      'x-mock-behaviour': JSON.stringify({ reply: 'raw', status: 202, body: '{"partial":', contentType: 'application/json' }),
    });

    expect(response.status).toBe(202);
    expect(await response.text()).toBe('{"partial":');
  });
});

describe('queue and per-request behaviours', () => {
  it('answers queued behaviours in order, then falls back to the default', async () => {
    upstream.enqueue({ reply: 'error', status: 429, headers: { 'retry-after-ms': '5' } }, { reply: 'text', text: 'second' });
    const client = new OpenAI({ apiKey: 'k', baseURL: `${upstream.url}/v1`, maxRetries: 1 });
    const first = await client.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: 'hi' }] });
    const third = await client.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: 'hi' }] });

    expect(first.choices[0]?.message.content).toBe('second');
    expect(upstream.requests).toHaveLength(3);
    expect(third.choices[0]?.message.content).toBe('Hello from the.');
  });

  it('lets a function choose per request', async () => {
    upstream.setBehaviour((request) => (request.model === 'broken' ? { reply: 'error', status: 500 } : undefined));
    const broken = await postJson(chatUrl(), { ...chat, model: 'broken' });
    const fine = await postJson(chatUrl(), chat);

    expect(broken.status).toBe(500);
    expect((await json(broken)).error.type).toBe('server_error');
    expect(fine.status).toBe(200);
  });

  it('answers 500 with the message when a behaviour function throws', async () => {
    upstream.setBehaviour(() => {
      throw new Error('no script for this request');
    });
    const response = await postJson(chatUrl(), chat);

    expect(response.status).toBe(500);
    expect((await json(response)).error.message).toBe('mock behaviour function threw: no script for this request');
  });

  it('lets a black-box client pick a behaviour with x-mock-behaviour, ahead of the queue', async () => {
    upstream.enqueue({ reply: 'error', status: 500 });
    const response = await postJson(chatUrl(), chat, { 'x-mock-behaviour': JSON.stringify({ reply: 'text', text: 'from header' }) });
    const invalid = await postJson(chatUrl(), chat, { 'x-mock-behaviour': '{"reply":"sing"}' });

    expect((await json(response)).choices[0].message.content).toBe('from header');
    expect(invalid.status).toBe(400);
    expect((await json(invalid)).error.message).toContain('behaviour.reply must be one of');
    expect((await postJson(chatUrl(), chat)).status).toBe(500);
  });

  it('reset() clears requests, queue, behaviour and counters', async () => {
    upstream.enqueue({ reply: 'error', status: 500 });
    upstream.setBehaviour({ reply: 'error', status: 401 });
    await postJson(chatUrl(), chat);
    upstream.reset();
    const response = await postJson(chatUrl(), chat);

    expect(response.status).toBe(200);
    expect(upstream.requests).toHaveLength(1);
    expect(upstream.stats()).toMatchObject({ total: 1, chat: 1, errors: 0, byRoute: { 'openai.chat': 1 } });
  });
});

describe('timing and disconnects', () => {
  it('waits delayMs before the first byte', async () => {
    upstream.setBehaviour({ reply: 'text', text: 'late', delayMs: 150 });
    const startedAt = Date.now();
    const response = await postJson(chatUrl(), chat);

    expect(Date.now() - startedAt).toBeGreaterThanOrEqual(140);
    expect(response.status).toBe(200);
  });

  it('spaces SSE frames by chunkDelayMs', async () => {
    upstream.setBehaviour({ reply: 'text', text: 'one two three', chunkDelayMs: 60 });
    const startedAt = Date.now();
    const result = await readUntilEnd(await postJson(chatUrl(), { ...chat, stream: true }));

    // 6 frames (role, 3 tokens, finish, [DONE]): 5 gaps of 60 ms, a lower bound however the test is scheduled.
    expect(result.failed).toBe(false);
    expect(result.endedAt - startedAt).toBeGreaterThanOrEqual(290);
    expect(sseJson(result.text)).toHaveLength(5);
  });

  it('destroys the socket after disconnectAfterChunks frames', async () => {
    upstream.setBehaviour({ reply: 'text', completionTokens: 10, disconnectAfterChunks: 3 });
    const result = await readUntilEnd(await postJson(chatUrl(), { ...chat, stream: true }));

    expect(result.failed).toBe(true);
    expect(sseJson(result.text)).toHaveLength(3);
    expect(upstream.stats().disconnects).toBe(1);
  });

  it('cuts a paced stream mid-way and the openai client sees an error', async () => {
    upstream.setBehaviour({ reply: 'text', completionTokens: 10, chunkDelayMs: 5, disconnectAfterChunks: 4 });
    const client = new OpenAI({ apiKey: 'k', baseURL: `${upstream.url}/v1`, maxRetries: 0 });
    const received: string[] = [];
    const consume = async (): Promise<void> => {
      const stream = await client.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: 'hi' }], stream: true });
      for await (const chunk of stream) received.push(chunk.choices[0]?.delta.content ?? '');
    };

    await expect(consume()).rejects.toThrow();
    expect(received).toEqual(['', 'Hello', ' from', ' the']);
  });

  it('resets a non-stream request before any byte with disconnectAfterChunks 0', async () => {
    upstream.setBehaviour({ reply: 'text', disconnectAfterChunks: 0 });

    await expect(postJson(chatUrl(), chat)).rejects.toThrow();
  });

  it('truncates a non-stream body with disconnectAfterChunks 1', async () => {
    upstream.setBehaviour({ reply: 'text', disconnectAfterChunks: 1 });
    const response = await postJson(chatUrl(), chat);

    expect(response.status).toBe(200);
    await expect(response.json()).rejects.toThrow();
  });
});

describe('required API key', () => {
  beforeEach(async () => {
    await upstream.close();
    upstream = await startMockUpstream({ requireApiKey: 'right-key' });
  });

  it('answers OpenAI missing and wrong keys with 401 and accepts the right one', async () => {
    const missing = await postJson(chatUrl(), chat);
    const wrong = await postJson(chatUrl(), chat, { authorization: 'Bearer sk-wrong-key-1234' });
    const right = await postJson(chatUrl(), chat, { authorization: 'Bearer right-key' });

    expect(missing.status).toBe(401);
    expect((await json(missing)).error.message).toContain("You didn't provide an API key");
    expect(wrong.status).toBe(401);
    const wrongError = (await json(wrong)).error;
    expect(wrongError).toMatchObject({ code: 'invalid_api_key', type: 'invalid_request_error' });
    expect(wrongError.message).not.toContain('sk-wrong-key-1234');
    expect(right.status).toBe(200);
  });

  it('answers Anthropic with authentication_error', async () => {
    const missing = await postJson(`${upstream.url}/v1/messages`, anthropicChat);
    const wrong = await postJson(`${upstream.url}/v1/messages`, anthropicChat, { 'x-api-key': 'nope' });
    const right = await postJson(`${upstream.url}/v1/messages`, anthropicChat, { 'x-api-key': 'right-key' });

    expect(missing.status).toBe(401);
    expect(await json(missing)).toEqual({ type: 'error', error: { type: 'authentication_error', message: 'x-api-key header is required' } });
    expect(await json(wrong)).toEqual({ type: 'error', error: { type: 'authentication_error', message: 'invalid x-api-key' } });
    expect(right.status).toBe(200);
  });

  it('answers Gemini as Google does: 403 without a key, 400 API_KEY_INVALID with a wrong one', async () => {
    const url = `${upstream.url}/v1beta/models/gemini-2.5-flash:generateContent`;
    const missing = await postJson(url, geminiChat);
    const wrong = await postJson(url, geminiChat, { 'x-goog-api-key': 'nope' });
    const right = await postJson(`${url}?key=right-key`, geminiChat);

    expect(missing.status).toBe(403);
    expect((await json(missing)).error.status).toBe('PERMISSION_DENIED');
    expect(wrong.status).toBe(400);
    expect((await json(wrong)).error.details[0]).toMatchObject({ reason: 'API_KEY_INVALID' });
    expect(right.status).toBe(200);
  });
});

describe('stats endpoint', () => {
  it('counts requests by kind with the benchmark harness names, and resets over HTTP', async () => {
    await postJson(chatUrl(), chat);
    await (await postJson(chatUrl(), { ...chat, stream: true })).text();
    await postJson(`${upstream.url}/v1/messages`, { ...anthropicChat, stream: true });
    await postJson(`${upstream.url}/embeddings`, { model: 'text-embedding-3-small', input: 'x', dimensions: 2 });
    await fetch(`${upstream.url}/v1/models`);
    const stats = await json(await fetch(`${upstream.url}/__stats`));
    await fetch(`${upstream.url}/__reset`, { method: 'POST' });

    expect(stats).toMatchObject({
      total: 5, chat: 1, chatStream: 2, embeddings: 1, models: 1, errors: 0, inflight: 0,
      byRoute: { 'openai.chat': 2, 'anthropic.messages': 1, 'openai.embeddings': 1, 'openai.models': 1 },
    });
    expect(upstream.stats().total).toBe(0);
    expect(upstream.requests).toHaveLength(0);
  });

  it('answers GET /health with ok', async () => {
    const response = await fetch(`${upstream.url}/health`);

    expect(await response.text()).toBe('ok');
    expect(upstream.stats().total).toBe(0);
  });

  it('tracks the most requests in flight at once, until reset-max', async () => {
    upstream.setBehaviour({ reply: 'text', delayMs: 100 });
    await Promise.all([1, 2, 3].map(() => postJson(chatUrl(), chat).then((response) => response.text())));
    const afterLoad = upstream.stats();
    const reset = await json(await fetch(`${upstream.url}/__stats/reset-max`));

    expect(afterLoad).toMatchObject({ inflight: 0, maxInflight: 3 });
    expect(reset.maxInflight).toBe(0);
  });

  it('keeps only the most recent maxRecordedRequests, and none when recording is off', async () => {
    const capped = await startMockUpstream({ maxRecordedRequests: 2 });
    const silent = await startMockUpstream({ recordRequests: false });
    for (const model of ['a', 'b', 'c']) await postJson(`${capped.url}/v1/chat/completions`, { ...chat, model });
    await postJson(`${silent.url}/v1/chat/completions`, chat);

    expect(capped.requests.map((request) => request.model)).toEqual(['b', 'c']);
    expect(silent.requests).toHaveLength(0);
    expect(silent.stats().total).toBe(1);
    await Promise.all([capped.close(), silent.close()]);
  });
});
