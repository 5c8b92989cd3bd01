import OpenAI from 'openai';
import { manage, MASTER_KEY, startTestProxy, type TestProxy } from './start-test-proxy.js';

let testProxy: TestProxy;

beforeAll(async () => {
  testProxy = await startTestProxy({
    extraModels: `  - model_name: gpt-4o-mini
    litellm_params:
      model: openai/gpt-4o-mini
      api_base: http://127.0.0.1:9/v1
      api_key: unused
      rpm: 100
      tpm: 5000
    model_info:
      access_groups: ["beta-models", "public"]
`,
  });
});
afterAll(() => testProxy.stop());

describe('model routes (LiteLLM and OpenAI shapes)', () => {
  it('retrieves a model the key may use and answers 404 for one it may not (official client)', async () => {
    const generated = await manage(testProxy, '/key/generate', { models: ['gpt-4o-mini'] });
    const client = new OpenAI({ apiKey: generated.key, baseURL: testProxy.baseURL, maxRetries: 0 });
    expect(await client.models.retrieve('gpt-4o-mini')).toMatchObject({ id: 'gpt-4o-mini', object: 'model' });
    await expect(client.models.retrieve('offline')).rejects.toMatchObject({ status: 404, error: expect.objectContaining({ code: 'model_not_found', param: 'model' }) });
    await expect(client.models.retrieve('no-such-model')).rejects.toMatchObject({ status: 404 });
  });

  it('aggregates each model group over its deployments in /model_group/info', async () => {
    const response = await fetch(`${testProxy.baseURL}/model_group/info`, { headers: { authorization: `Bearer ${MASTER_KEY}` } });
    expect(response.status).toBe(200);
    const { data } = (await response.json()) as { data: Array<Record<string, unknown>> };
    const group = data.find((entry) => entry['model_group'] === 'gpt-4o-mini');
    expect(group).toMatchObject({
      providers: ['openai'],
      rpm: 100, // one deployment sets none, the other 100
      tpm: 5000,
      mode: 'chat',
      supports_function_calling: true,
      supports_vision: true,
    });
    expect(group?.['max_input_tokens']).toBe(128_000);
    expect(group?.['input_cost_per_token']).toBe(1.5e-7);
    const only = await fetch(`${testProxy.baseURL}/model_group/info?model_group=offline`, { headers: { authorization: `Bearer ${MASTER_KEY}` } });
    expect(((await only.json()) as { data: Array<{ model_group: string }> }).data.map((entry) => entry.model_group)).toEqual(['offline']);
  });

  it('lists the routes it serves at /routes, read from the app itself, for authenticated callers only', async () => {
    const generated = await manage(testProxy, '/key/generate', {});
    const root = testProxy.baseURL.replace(/\/v1$/, '');
    const response = await fetch(`${root}/routes`, { headers: { authorization: `Bearer ${generated.key}` } });
    expect(response.status).toBe(200);
    const { routes } = (await response.json()) as { routes: Array<{ path: string; methods: string[] }> };
    const methodsOf = (path: string) => routes.find((route) => route.path === path)?.methods;
    expect(methodsOf('/v1/chat/completions')).toEqual(['POST']);
    expect(methodsOf('/v1/responses')).toEqual(['POST']);
    expect(methodsOf('/key/generate')).toEqual(['POST']);
    expect(methodsOf('/model_group/info')).toEqual(['GET']);
    expect(methodsOf('/routes')).toEqual(['GET']);
    expect(routes.length).toBeGreaterThan(50);
    expect((await fetch(`${root}/routes`)).status).toBe(401);
  });

  it('lists access groups instead of models with only_model_access_groups=True', async () => {
    const client = new OpenAI({ apiKey: MASTER_KEY, baseURL: testProxy.baseURL, maxRetries: 0 });
    const all = await client.models.list();
    expect(all.data.map((model) => model.id)).toContain('gpt-4o-mini');
    const groups = await client.models.list({ query: { only_model_access_groups: 'True' } });
    expect(groups.data.map((model) => model.id)).toEqual(['beta-models', 'public']);
  });
});
