// Embeddings as the official openai client asks for them: its default `encoding_format: "base64"` and explicit
// floats must give the same vectors from every adapter — the offline mock provider and a non-OpenAI one (Gemini)
// included, which return floats the proxy encodes — and `dimensions` is honoured or refused by name.
import OpenAI from 'openai';
import { startMockUpstream } from '@tollgate/testing';
import { manage, startTestProxy, UPSTREAM_KEY, type TestProxy } from './start-test-proxy.js';

let testProxy: TestProxy;
let upstream: Awaited<ReturnType<typeof startMockUpstream>>;
let client: OpenAI;

beforeAll(async () => {
  upstream = await startMockUpstream({ requireApiKey: UPSTREAM_KEY });
  testProxy = await startTestProxy({
    upstream,
    extraModels: `
  - model_name: offline-embedding
    litellm_params:
      model: mock/text-embedding-3-small
    model_info:
      mode: embedding
  - model_name: gemini-embedding
    litellm_params:
      model: gemini/text-embedding-004
      api_base: ${upstream.url}
      api_key: os.environ/E2E_UPSTREAM_KEY
    model_info:
      mode: embedding`,
  });
  const generated = await manage(testProxy, '/key/generate', { max_budget: 1, models: ['offline-embedding', 'gemini-embedding', 'text-embedding-3-small'] });
  client = new OpenAI({ apiKey: generated.key, baseURL: testProxy.baseURL, maxRetries: 0 });
});
afterAll(async () => {
  await testProxy.stop();
  await upstream.close();
});

const float32 = (values: readonly number[]) => Array.from(new Float32Array(values));

describe.each(['offline-embedding', 'gemini-embedding', 'text-embedding-3-small'])('openai embeddings → %s', (model) => {
  it('the default (base64) decodes to the same vectors as floats', async () => {
    const input = ['sunny day', 'rainy day'];
    const byDefault = await client.embeddings.create({ model, input });
    const floats = await client.embeddings.create({ model, input, encoding_format: 'float' });
    expect(floats.data[0]!.embedding.length).toBeGreaterThan(4);
    expect(byDefault.data.map((item) => item.embedding)).toEqual(floats.data.map((item) => float32(item.embedding)));
  });

  it('honours dimensions', async () => {
    const result = await client.embeddings.create({ model, input: 'beach', dimensions: 8 });
    expect(result.data[0]!.embedding).toHaveLength(8);
  });
});

it('refuses dimensions a provider did not honour, naming the param', async () => {
  // A stand-in that ignores `dimensions`: whatever was asked, 3 values come back.
  upstream.enqueue({ reply: 'raw', body: JSON.stringify({ embeddings: [{ values: [0.1, 0.2, 0.3] }] }), contentType: 'application/json' });
  const failure = await client.embeddings.create({ model: 'gemini-embedding', input: 'beach', dimensions: 8 }).catch((error: unknown) => error);
  expect(failure).toBeInstanceOf(OpenAI.BadRequestError);
  expect(failure).toMatchObject({ status: 400, param: 'dimensions' });
});
