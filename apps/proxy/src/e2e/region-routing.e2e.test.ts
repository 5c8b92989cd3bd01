import OpenAI from 'openai';
import { startMockUpstream } from '@tollgate/testing';
import { manage, startTestProxy, UPSTREAM_KEY, type TestProxy } from './start-test-proxy.js';

let upstream: Awaited<ReturnType<typeof startMockUpstream>>;
let testProxy: TestProxy;

const deployment = (group: string, id: string, region: string) => `  - model_name: ${group}
    litellm_params:
      model: openai/gpt-4o-mini
      api_base: ${upstream.url}/v1
      api_key: os.environ/E2E_UPSTREAM_KEY
      region_name: ${region}
    model_info:
      id: ${id}
`;

beforeAll(async () => {
  upstream = await startMockUpstream({ requireApiKey: UPSTREAM_KEY });
  testProxy = await startTestProxy({
    upstream,
    extraModels: deployment('residency', 'eu-deployment', 'eu-west-1') + deployment('residency', 'us-deployment', 'us-east-1') + deployment('us-only', 'us-only-deployment', 'eastus'),
  });
});
afterAll(async () => {
  await testProxy.stop();
  await upstream.close();
});

describe("an end user's allowed_model_region (data residency)", () => {
  it('sends every call of an EU end user to an EU deployment and says where it ran', async () => {
    await manage(testProxy, '/customer/new', { user_id: 'eu-customer', allowed_model_region: 'eu' });
    const generated = await manage(testProxy, '/key/generate', {});
    const client = new OpenAI({ apiKey: generated.key, baseURL: testProxy.baseURL, maxRetries: 0 });
    const served = new Set<string>();
    for (let index = 0; index < 10; index += 1) {
      const { response } = await client.chat.completions.create({ model: 'residency', user: 'eu-customer', messages: [{ role: 'user', content: 'hi' }] }).withResponse();
      served.add(`${response.headers.get('x-litellm-model-id')} ${response.headers.get('x-litellm-model-region')}`);
    }
    expect([...served]).toEqual(['eu-deployment eu-west-1']);
    await expect(client.chat.completions.create({ model: 'us-only', user: 'eu-customer', messages: [{ role: 'user', content: 'hi' }] })).rejects.toMatchObject({
      status: 400,
      error: expect.objectContaining({ code: 'no_deployment_in_region', param: 'model' }),
    });
  });
});
