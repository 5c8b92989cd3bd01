import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { BadRequestError, type ChatCompletionChunk } from '@tollgate/core';
import { InMemoryRouterStateStore } from '../state/in-memory-router-state-store.js';
import { Router } from '../router.js';
import { routerMetadataOf } from '../router-metadata.js';
import { createSeededRandom } from '../runtime/seeded-random.js';
import { collect } from '../testing-internal/router-harness.js';

// These tests go through the real @tollgate/providers: the offline `mock/` provider, and an OpenAI deployment
// whose base URL refuses connections (port 1 on localhost), so no request leaves the machine.
const unreachableOpenAI = {
  model_name: 'chat',
  litellm_params: { model: 'openai/gpt-4o-mini', api_key: 'sk-test', api_base: 'http://127.0.0.1:1/v1', order: 1 },
  model_info: { id: 'unreachable' },
};
const offlineMock = {
  model_name: 'chat',
  litellm_params: { model: 'mock/gpt-4o-mini', mock_response: 'hello from the mock', order: 2 },
  model_info: { id: 'mock' },
};

function router(): Router {
  return new Router({
    modelList: [unreachableOpenAI, offlineMock, { model_name: 'embed', litellm_params: { model: 'mock/text-embedding-3-small' } }],
    routerSettings: { num_retries: 1 },
    random: createSeededRandom(1),
  });
}

describe('the default deployment caller (@tollgate/providers)', () => {
  it('fails over from a deployment that refuses connections to the mock provider', async () => {
    const response = await router().completion({ model: 'chat', messages: [{ role: 'user', content: 'hi' }] });
    expect(response.choices[0]?.message.content).toBe('hello from the mock');
    expect(response.tollgate.provider).toBe('mock');
    expect(routerMetadataOf(response)).toMatchObject({ modelId: 'mock', attemptedRetries: 1, apiBase: undefined });
  });

  it('serves a Responses call through the providers, failing over from an unreachable OpenAI deployment to the mock (translated)', async () => {
    const response = await router().responses({ model: 'chat', input: 'hi', truncation: 'auto' });
    expect(response.object).toBe('response');
    expect(response.output.flatMap((item) => (item.type === 'message' ? item.content : [])).map((part) => ('text' in part ? part.text : '')).join('')).toBe('hello from the mock');
    expect(response.tollgate?.provider).toBe('mock');
    expect(routerMetadataOf(response)).toMatchObject({ modelId: 'mock', attemptedRetries: 1 });
  });

  it('streams from the mock provider and keeps the providers metadata', async () => {
    const stream = await router().completion({
      model: 'chat',
      messages: [{ role: 'user', content: 'hi' }],
      stream: true,
      stream_options: { include_usage: true },
    });
    expect(routerMetadataOf(stream)?.modelId).toBe('mock');
    const chunks: ChatCompletionChunk[] = await collect(stream);
    expect(chunks.map((chunk) => chunk.choices[0]?.delta.content ?? '').join('')).toBe('hello from the mock');
    expect(chunks.at(-1)?.usage?.total_tokens).toBeGreaterThan(0);
    expect(stream.tollgate?.provider).toBe('mock');
  });

  it('routes embeddings to the mock provider', async () => {
    const response = await router().embedding({ model: 'embed', input: ['a', 'b'] });
    expect(response.data).toHaveLength(2);
    expect(response.tollgate.provider).toBe('mock');
  });
});

interface Recorder {
  server: Server;
  url: string;
  requests: { headers: IncomingHttpHeaders; body: Record<string, unknown> }[];
}

/** A local OpenAI-like upstream that records what it receives. */
async function startRecorder(): Promise<Recorder> {
  const requests: Recorder['requests'] = [];
  const server = createServer((request, response) => {
    let text = '';
    request.on('data', (piece: Buffer) => (text += piece.toString()));
    request.on('end', () => {
      requests.push({ headers: request.headers, body: JSON.parse(text) as Record<string, unknown> });
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(
        JSON.stringify({
          id: 'c',
          object: 'chat.completion',
          created: 0,
          model: 'gpt-4o-mini',
          choices: [{ index: 0, message: { role: 'assistant', content: 'from upstream' }, finish_reason: 'stop' }],
          usage: { prompt_tokens: 1, completion_tokens: 2, total_tokens: 3 },
        }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`, requests };
}

describe('call options come from the deployment, never from the request', () => {
  it('ignores api_base, apiBase, keys, headers and mock answers in the request', async () => {
    const upstream = await startRecorder();
    const elsewhere = await startRecorder();
    try {
      const router = new Router({
        modelList: [
          {
            model_name: 'chat',
            litellm_params: { model: 'openai/gpt-4o-mini', api_key: 'sk-deployment', api_base: upstream.url, extra_headers: { 'x-configured': 'yes' } },
          },
        ],
      });
      const response = await router.completion({
        model: 'chat',
        messages: [{ role: 'user', content: 'hi' }],
        apiBase: elsewhere.url,
        api_base: elsewhere.url,
        apiKey: 'sk-client',
        headers: { 'x-client': 'yes' },
        extra_headers: { 'x-client': 'yes' },
        mockResponse: 'free',
        mock_response: 'free',
      });
      expect(response.choices[0]?.message.content).toBe('from upstream');
      expect(elsewhere.requests).toHaveLength(0);
      expect(upstream.requests).toHaveLength(1);
      const [sent] = upstream.requests;
      expect(sent?.headers['authorization']).toBe('Bearer sk-deployment');
      expect(sent?.headers['x-configured']).toBe('yes');
      expect(sent?.headers['x-client']).toBeUndefined();
      expect(Object.keys(sent?.body ?? {}).sort()).toEqual(['messages', 'model']);
    } finally {
      await new Promise((resolve) => upstream.server.close(resolve));
      await new Promise((resolve) => elsewhere.server.close(resolve));
    }
  });
});

describe('a body that breaks serialisation (through the real providers)', () => {
  it('is a 400 for its caller and never cools a deployment down', async () => {
    const stateStore = new InMemoryRouterStateStore();
    const deployment = (id: string) => ({
      model_name: 'chat',
      litellm_params: { model: 'openai/gpt-4o-mini', api_key: 'sk-test', api_base: 'http://127.0.0.1:1/v1' },
      model_info: { id },
    });
    const router = new Router({
      modelList: [deployment('one'), deployment('two')],
      routerSettings: { allowed_fails: 0, num_retries: 3 },
      stateStore,
    });
    let metadata: Record<string, unknown> = { leaf: 1 };
    for (let depth = 0; depth < 100_000; depth += 1) metadata = { a: metadata };
    for (let index = 0; index < 5; index += 1) {
      const error = await router
        .completion({ model: 'chat', messages: [{ role: 'user', content: 'hi' }], metadata })
        .catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(BadRequestError);
    }
    const states = await stateStore.getStates(['one', 'two'], { nowMs: Date.now() });
    expect([...states.values()].map((state) => state.cooldownUntilMs)).toEqual([undefined, undefined]);
  });
});
