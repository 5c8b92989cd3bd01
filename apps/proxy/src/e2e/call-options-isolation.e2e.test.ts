import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import OpenAI from 'openai';
import { MASTER_KEY, startTestProxy, UPSTREAM_KEY, type TestProxy } from './start-test-proxy.js';

// A client's body must never choose where, with which credentials or headers, or whether the upstream is called.
// The deployment below has no explicit `api_base`: its base URL comes from OPENAI_API_BASE, the case where a body's
// `apiBase` used to win and receive the configured provider key.

let testProxy: TestProxy;
let client: OpenAI;
let capture: Server;
let captureUrl: string;
const captured: { method?: string; url?: string; authorization?: string }[] = [];
const savedEnv = { OPENAI_API_BASE: process.env['OPENAI_API_BASE'], OPENAI_BASE_URL: process.env['OPENAI_BASE_URL'] };

beforeAll(async () => {
  capture = createServer((request, response) => {
    captured.push({ method: request.method, url: request.url, authorization: request.headers.authorization });
    request.resume();
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ id: 'x', object: 'chat.completion', created: 0, model: 'm', choices: [{ index: 0, message: { role: 'assistant', content: 'captured' }, finish_reason: 'stop' }], usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 } }));
  });
  await new Promise<void>((resolve) => capture.listen(0, '127.0.0.1', resolve));
  captureUrl = `http://127.0.0.1:${(capture.address() as AddressInfo).port}/v1`;
  testProxy = await startTestProxy({
    extraModels: `
  - model_name: env-based
    litellm_params:
      model: openai/gpt-4o-mini
      api_key: os.environ/E2E_UPSTREAM_KEY
  - model_name: env-based-embedding
    litellm_params:
      model: openai/text-embedding-3-small
      api_key: os.environ/E2E_UPSTREAM_KEY
    model_info:
      mode: embedding`,
  });
  delete process.env['OPENAI_BASE_URL'];
  process.env['OPENAI_API_BASE'] = `${testProxy.upstream.url}/v1`;
  client = new OpenAI({ apiKey: MASTER_KEY, baseURL: testProxy.baseURL, maxRetries: 0 });
});
afterAll(async () => {
  for (const [name, value] of Object.entries(savedEnv)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  await testProxy.stop();
  await new Promise((resolve) => capture.close(resolve));
});

/** Fields an attacker puts in a body, in both Tollgate's camelCase option names and LiteLLM's snake_case ones. */
function attackFields(): Record<string, unknown>[] {
  return [
    { apiBase: captureUrl },
    { api_base: captureUrl },
    { base_url: captureUrl },
    { apiBase: captureUrl, apiKey: 'sk-client-chosen' },
    { headers: { 'x-client-chosen': 'yes', authorization: 'Bearer sk-client-chosen' } },
    { extra_headers: { 'x-client-chosen': 'yes' } },
    { apiKey: 'sk-client-chosen' },
    { api_key: 'sk-client-chosen' },
    { apiVersion: '1999-01-01' },
    { dispatcher: { dispatch: 'x' } },
    { requestValidated: true, messages: 'not a list' },
    { timeoutMs: 1 },
    { numRetries: 50 },
    { mockResponse: 'free answer' },
    { mock_response: 'free answer' },
  ];
}

interface Outcome {
  captured: number;
  /** Captured requests that carried the configured provider key. */
  providerKeyCaptured: number;
  clientHeadersSeenUpstream: number;
  clientKeySeenUpstream: number;
  freeAnswers: number;
  /** Attacks answered with anything but a 400 (`fields → status`); 200 means the fields were taken. */
  notRefused: string[];
}

async function attack(send: (fields: Record<string, unknown>) => Promise<string | undefined>): Promise<Outcome> {
  captured.length = 0;
  testProxy.upstream.reset();
  const outcome: Outcome = { captured: 0, providerKeyCaptured: 0, clientHeadersSeenUpstream: 0, clientKeySeenUpstream: 0, freeAnswers: 0, notRefused: [] };
  for (const fields of attackFields()) {
    const before = testProxy.upstream.requests.length;
    const name = Object.keys(fields).join('+');
    try {
      const answer = await send(fields);
      outcome.notRefused.push(`${name} → 200`);
      if (answer === 'free answer' && testProxy.upstream.requests.length === before) outcome.freeAnswers += 1;
    } catch (error) {
      const status = (error as { status?: number }).status;
      if (status !== 400) outcome.notRefused.push(`${name} → ${status}`);
    }
  }
  outcome.captured = captured.length;
  outcome.providerKeyCaptured = captured.filter((request) => request.authorization === `Bearer ${UPSTREAM_KEY}`).length;
  for (const request of testProxy.upstream.requests) {
    if (request.headers['x-client-chosen'] !== undefined) outcome.clientHeadersSeenUpstream += 1;
    if (request.headers.authorization !== `Bearer ${UPSTREAM_KEY}`) outcome.clientKeySeenUpstream += 1;
  }
  return outcome;
}

describe('call options cannot be set from a request body', () => {
  it('chat completions: no capture, no client headers or key upstream, no free answer', async () => {
    const outcome = await attack(async (fields) => {
      const completion = await client.chat.completions.create({
        model: 'env-based',
        messages: [{ role: 'user', content: 'hi' }],
        ...fields,
      } as unknown as OpenAI.ChatCompletionCreateParamsNonStreaming);
      return completion.choices[0]?.message.content ?? undefined;
    });
    expect(outcome).toEqual({ captured: 0, providerKeyCaptured: 0, clientHeadersSeenUpstream: 0, clientKeySeenUpstream: 0, freeAnswers: 0, notRefused: [] });
  });

  it('streamed chat completions: the same', async () => {
    const outcome = await attack(async (fields) => {
      const stream = await client.chat.completions.create({
        model: 'env-based',
        messages: [{ role: 'user', content: 'hi' }],
        stream: true,
        ...fields,
      } as unknown as OpenAI.ChatCompletionCreateParamsStreaming);
      let text = '';
      for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? '';
      return text;
    });
    expect(outcome).toEqual({ captured: 0, providerKeyCaptured: 0, clientHeadersSeenUpstream: 0, clientKeySeenUpstream: 0, freeAnswers: 0, notRefused: [] });
  });

  it('embeddings: the same', async () => {
    const outcome = await attack(async (fields) => {
      await client.embeddings.create({ model: 'env-based-embedding', input: 'hi', ...fields });
      return undefined;
    });
    expect(outcome).toEqual({ captured: 0, providerKeyCaptured: 0, clientHeadersSeenUpstream: 0, clientKeySeenUpstream: 0, freeAnswers: 0, notRefused: [] });
  });

  it('answers an unknown body field with an OpenAI-shaped 400 naming it', async () => {
    const response = await fetch(`${testProxy.baseURL}/chat/completions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${MASTER_KEY}`, 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'env-based', messages: [{ role: 'user', content: 'hi' }], apiBase: captureUrl }),
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: Record<string, unknown> };
    expect(body.error).toMatchObject({ type: 'invalid_request_error', param: 'apiBase' });
    expect(JSON.stringify(body)).not.toContain('127.0.0.1');
  });

  it('still forwards documented provider-specific and LiteLLM fields', async () => {
    testProxy.upstream.reset();
    const completion = await client.chat.completions.create({
      model: 'env-based',
      messages: [{ role: 'user', content: 'hi' }],
      metadata: { tags: ['a'] },
      user: 'end-user-1',
      top_k: 5,
      tags: ['team-a'],
      drop_params: true,
    } as unknown as OpenAI.ChatCompletionCreateParamsNonStreaming);
    expect(completion.choices[0]?.message.content).toBeTruthy();
    const sent = testProxy.upstream.requests.at(-1)?.body as Record<string, unknown>;
    expect(sent['top_k']).toBe(5);
    expect(sent['drop_params']).toBeUndefined();
    expect(sent['tags']).toBeUndefined();
  });
});

describe('allow_client_side_credentials: an explicit, opt-in mapping to call options', () => {
  let optIn: TestProxy;
  beforeAll(async () => {
    optIn = await startTestProxy({
      upstream: testProxy.upstream,
      generalSettings: '  allow_client_side_credentials: true',
      extraModels: `
  - model_name: env-based
    litellm_params:
      model: openai/gpt-4o-mini
      api_key: os.environ/E2E_UPSTREAM_KEY`,
    });
  });
  afterAll(async () => {
    await optIn.stop();
  });

  async function post(body: Record<string, unknown>): Promise<{ status: number; body: { error?: { param?: string } } }> {
    const response = await fetch(`${optIn.baseURL}/chat/completions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${MASTER_KEY}`, 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'env-based', messages: [{ role: 'user', content: 'hi' }], ...body }),
    });
    return { status: response.status, body: (await response.json()) as { error?: { param?: string } } };
  }

  it('sends the call to the client-given base URL with the client-given key, as options, not body fields', async () => {
    captured.length = 0;
    const answer = await post({ api_base: captureUrl, api_key: 'sk-client-own' });
    expect(answer.status).toBe(200);
    expect(captured).toHaveLength(1);
    expect(captured[0]?.authorization).toBe('Bearer sk-client-own');
  });

  it('never sends the configured provider key to a client-chosen base URL', async () => {
    captured.length = 0;
    const answer = await post({ api_base: captureUrl });
    expect(answer.status).toBe(400);
    expect(answer.body.error?.param).toBe('api_key');
    expect(captured).toHaveLength(0);
  });

  it('still refuses camelCase options and other call-option fields', async () => {
    captured.length = 0;
    for (const field of [{ apiBase: captureUrl }, { headers: { a: 'b' } }, { mock_response: 'free' }]) {
      expect((await post(field)).status).toBe(400);
    }
    expect(captured).toHaveLength(0);
  });
});
