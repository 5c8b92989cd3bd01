import { gzipSync } from 'node:zlib';
import OpenAI from 'openai';
import { startMockUpstream } from '@tollgate/testing';
import { manage, startTestProxy, UPSTREAM_KEY, type TestProxy } from './start-test-proxy.js';

// One key's malformed bodies must not take a model group away from everyone else: a client fault is a 400 for
// that client and never counts toward a deployment's cooldown.

let testProxy: TestProxy;
let upstream: Awaited<ReturnType<typeof startMockUpstream>>;

beforeAll(async () => {
  upstream = await startMockUpstream({ requireApiKey: UPSTREAM_KEY });
  testProxy = await startTestProxy({
    upstream,
    extraModels: `
  - model_name: shared
    litellm_params:
      model: openai/gpt-4o-mini
      api_base: ${upstream.url}/v1
      api_key: os.environ/E2E_UPSTREAM_KEY
  - model_name: shared
    litellm_params:
      model: openai/gpt-4o-mini
      api_base: ${upstream.url}/v1
      api_key: os.environ/E2E_UPSTREAM_KEY
      rpm: 1000
  - model_name: unreachable
    litellm_params:
      model: openai/gpt-4o-mini
      api_base: http://127.0.0.1:1/v1
      api_key: os.environ/E2E_UPSTREAM_KEY`,
  });
});
afterAll(async () => {
  await testProxy.stop();
  await upstream.close();
});

/** A ~600 KB body whose `metadata` nests 100 000 levels deep (with retries, so each body hits both deployments). */
function deeplyNestedBody(): string {
  const depth = 100_000;
  const metadata = '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
  return `{"model":"shared","messages":[{"role":"user","content":"hi"}],"num_retries":3,"metadata":${metadata}}`;
}

describe('client faults never cool a deployment down', () => {
  it("5 deeply nested bodies from key A: each a 400 for A, and all of key B's calls succeed", async () => {
    const keyA = (await manage(testProxy, '/key/generate', {})).key as string;
    const keyB = (await manage(testProxy, '/key/generate', {})).key as string;
    const statusesA: number[] = [];
    const errorsA: unknown[] = [];
    for (let index = 0; index < 5; index += 1) {
      const response = await fetch(`${testProxy.baseURL}/chat/completions`, {
        method: 'POST',
        headers: { authorization: `Bearer ${keyA}`, 'content-type': 'application/json' },
        body: deeplyNestedBody(),
      });
      statusesA.push(response.status);
      errorsA.push(((await response.json()) as { error?: unknown }).error);
    }
    const client = new OpenAI({ apiKey: keyB, baseURL: testProxy.baseURL, maxRetries: 0 });
    const statusesB: number[] = [];
    for (let index = 0; index < 20; index += 1) {
      try {
        await client.chat.completions.create({ model: 'shared', messages: [{ role: 'user', content: 'hi' }] });
        statusesB.push(200);
      } catch (error) {
        statusesB.push((error as { status?: number }).status ?? 0);
      }
    }
    expect({ statusesA, failedB: statusesB.filter((status) => status !== 200) }).toEqual({
      statusesA: [400, 400, 400, 400, 400],
      failedB: [],
    });
    expect(errorsA[0]).toMatchObject({ type: 'invalid_request_error', code: 'json_too_deep' });
    expect(JSON.stringify(errorsA)).not.toContain(upstream.url.replace('http://', ''));
  }, 60_000);

  it("never names the upstream's host or port in a client-facing error", async () => {
    const client = new OpenAI({ apiKey: (await manage(testProxy, '/key/generate', {})).key as string, baseURL: testProxy.baseURL, maxRetries: 0 });
    const error = await client.chat.completions.create({ model: 'unreachable', messages: [{ role: 'user', content: 'hi' }] }).catch((caught: unknown) => caught);
    expect((error as { status?: number }).status).toBe(500);
    expect(JSON.stringify((error as { error?: unknown }).error)).not.toMatch(/127\.0\.0\.1|:1\b/);
    const stream = await client.chat.completions
      .create({ model: 'unreachable', messages: [{ role: 'user', content: 'hi' }], stream: true })
      .catch((caught: unknown) => caught);
    expect(JSON.stringify((stream as { error?: unknown }).error)).not.toContain('127.0.0.1');
  });

  it('applies the same depth limit and field allow-list on the Express path (a gzip body)', async () => {
    const key = (await manage(testProxy, '/key/generate', {})).key as string;
    const send = async (body: string) => {
      const response = await fetch(`${testProxy.baseURL}/chat/completions`, {
        method: 'POST',
        headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json', 'content-encoding': 'gzip' },
        body: gzipSync(body),
      });
      return { status: response.status, error: ((await response.json()) as { error?: Record<string, unknown> }).error };
    };
    expect(await send(deeplyNestedBody())).toMatchObject({ status: 400, error: { code: 'json_too_deep' } });
    const withOption = JSON.stringify({ model: 'shared', messages: [{ role: 'user', content: 'hi' }], apiBase: 'http://127.0.0.1:9/v1' });
    expect(await send(withOption)).toMatchObject({ status: 400, error: { param: 'apiBase' } });
  });
});
