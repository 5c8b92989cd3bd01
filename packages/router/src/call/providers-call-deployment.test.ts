import type { ChatCompletionChunk } from '@tollgate/core';
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
