import OpenAI from 'openai';
import { startMockUpstream } from '@tollgate/testing';
import { manage, MASTER_KEY, startTestProxy, UPSTREAM_KEY, type TestProxy } from './start-test-proxy.js';

let upstream: Awaited<ReturnType<typeof startMockUpstream>>;
let testProxy: TestProxy;

beforeAll(async () => {
  upstream = await startMockUpstream({ requireApiKey: UPSTREAM_KEY });
  // LiteLLM's catch-all routes: any OpenAI model by its bare name, and `openai/<model>` by its provider prefix.
  testProxy = await startTestProxy({
    upstream,
    extraModels: `  - model_name: "*"
    litellm_params:
      model: openai/*
      api_base: ${upstream.url}/v1
      api_key: os.environ/E2E_UPSTREAM_KEY
  - model_name: "openai/*"
    litellm_params:
      model: openai/*
      api_base: ${upstream.url}/v1
      api_key: os.environ/E2E_UPSTREAM_KEY
`,
  });
});
afterAll(async () => {
  await testProxy.stop();
  await upstream.close();
});

describe('wildcard model routes (LiteLLM `model_name: "*"` and `provider/*`)', () => {
  it('accepts models a wildcard serves in key allow-lists, routes them by name, and prices them', async () => {
    const generated = await manage(testProxy, '/key/generate', { models: ['o3-mini', 'gpt-4o', 'openai/gpt-4.1-mini'], max_budget: 1 });
    const client = new OpenAI({ apiKey: generated.key, baseURL: testProxy.baseURL, maxRetries: 0 });
    for (const model of ['o3-mini', 'gpt-4o', 'openai/gpt-4.1-mini']) {
      const { data, response } = await client.chat.completions.create({ model, messages: [{ role: 'user', content: 'hi' }], max_tokens: 16 }).withResponse();
      expect(data.choices[0]?.message.content).toBeTruthy();
      expect(response.headers.get('x-litellm-model-group')).toBe(model);
      expect(Number(response.headers.get('x-litellm-response-cost'))).toBeGreaterThan(0);
    }
    expect(upstream.requests.slice(-3).map((request) => request.model)).toEqual(['o3-mini', 'gpt-4o', 'gpt-4.1-mini']);
    // Outside the key's allow-list: refused although a wildcard serves it.
    await expect(client.chat.completions.create({ model: 'gpt-4.1', messages: [{ role: 'user', content: 'hi' }] })).rejects.toMatchObject({ status: 401 });
  });

  it('holds a budget on a model reached through a wildcard', async () => {
    const master = new OpenAI({ apiKey: MASTER_KEY, baseURL: testProxy.baseURL, maxRetries: 0 });
    const probe = await master.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: 'hi' }], max_tokens: 16 }).withResponse();
    const costPerCall = Number(probe.response.headers.get('x-litellm-response-cost'));
    const generated = await manage(testProxy, '/key/generate', { max_budget: costPerCall * 3.5 });
    const client = new OpenAI({ apiKey: generated.key, baseURL: testProxy.baseURL, maxRetries: 0 });
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, () => client.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: 'hi' }], max_tokens: 16 })),
    );
    const info = await manage(testProxy, `/key/info?key=${encodeURIComponent(generated.key)}`);
    expect(results.filter((result) => result.status === 'fulfilled').length).toBeLessThanOrEqual(3);
    expect(info.info.spend).toBeLessThanOrEqual(costPerCall * 3.5);
  });
});
