import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import OpenAI from 'openai';
import { manage, startTestProxy, type TestProxy } from './start-test-proxy.js';

describe('soft budget', () => {
  let hook: Server;
  let received: unknown[];
  let testProxy: TestProxy;

  beforeAll(async () => {
    received = [];
    hook = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        received.push(JSON.parse(body));
        response.end('ok');
      });
    });
    await new Promise<void>((resolve) => hook.listen(0, '127.0.0.1', resolve));
    const port = (hook.address() as AddressInfo).port;
    testProxy = await startTestProxy({ generalSettings: `  soft_budget_webhook_url: http://127.0.0.1:${port}/hook` });
  });
  afterAll(async () => {
    await testProxy.stop();
    await new Promise((resolve) => hook.close(resolve));
  });

  it('fires soft_budget_crossed once per window when spend reaches the soft budget', async () => {
    const generated = await manage(testProxy, '/key/generate', { soft_budget: 0.0000001, max_budget: 10 });
    const client = new OpenAI({ apiKey: generated.key, baseURL: testProxy.baseURL, maxRetries: 0 });
    for (let index = 0; index < 3; index += 1) {
      await client.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }], max_tokens: 16 });
    }
    for (let attempt = 0; attempt < 50 && received.length === 0; attempt += 1) await new Promise((resolve) => setTimeout(resolve, 20));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(received).toHaveLength(1);
    // The key's stable id, not its hash: a regenerated key is the same scope and does not cross again in the window.
    expect(received[0]).toMatchObject({ event: 'soft_budget_crossed', scope: `key:${generated.key_id}` });
  });
});
