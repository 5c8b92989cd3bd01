import OpenAI from 'openai';
import { manage, startTestProxy, type TestProxy } from './start-test-proxy.js';

let testProxy: TestProxy;

beforeAll(async () => {
  testProxy = await startTestProxy();
});
afterAll(() => testProxy.stop());

describe('POST /v1/completions (legacy text completions, official client)', () => {
  it('answers a text completion, streamed and not, booked and budgeted like chat', async () => {
    const generated = await manage(testProxy, '/key/generate', { max_budget: 1 });
    const client = new OpenAI({ apiKey: generated.key, baseURL: testProxy.baseURL, maxRetries: 0 });
    testProxy.upstream.enqueue({ reply: 'text', text: 'Once upon a time' });
    const { data, response } = await client.completions.create({ model: 'gpt-4o-mini', prompt: 'Tell a story' }).withResponse();
    expect(data.object).toBe('text_completion');
    expect(data.choices[0]).toMatchObject({ text: 'Once upon a time', index: 0, finish_reason: 'stop', logprobs: null });
    expect(data.usage?.completion_tokens).toBeGreaterThan(0);
    // OpenAI's default max_tokens on this endpoint is 16; the upstream saw the prompt as one user message.
    const sent = testProxy.upstream.requests.at(-1)?.body as { max_tokens?: number; messages?: Array<{ role: string; content: string }> };
    expect(sent.max_tokens).toBe(16);
    expect(sent.messages).toEqual([{ role: 'user', content: 'Tell a story' }]);
    const cost = Number(response.headers.get('x-litellm-response-cost'));
    expect(cost).toBeGreaterThan(0);

    testProxy.upstream.enqueue({ reply: 'text', text: 'and they lived' });
    const stream = await client.completions.create({ model: 'gpt-4o-mini', prompt: 'Go on', stream: true, stream_options: { include_usage: true }, max_tokens: 32 });
    let text = '';
    let usage: OpenAI.CompletionUsage | undefined;
    for await (const chunk of stream) {
      expect(chunk.object).toBe('text_completion');
      text += chunk.choices[0]?.text ?? '';
      usage = chunk.usage ?? usage;
    }
    expect(text).toBe('and they lived');
    expect(usage?.completion_tokens).toBeGreaterThan(0);

    const logs = (await manage(testProxy, `/spend/logs?api_key=${encodeURIComponent(generated.key)}&summarize=false`)) as Array<{ call_type: string }>;
    expect(logs.map((log) => log.call_type)).toEqual(['atext_completion', 'atext_completion']);
  });

  it('refuses what a chat model cannot do, naming the field', async () => {
    const generated = await manage(testProxy, '/key/generate', {});
    const client = new OpenAI({ apiKey: generated.key, baseURL: testProxy.baseURL, maxRetries: 0 });
    await expect(client.completions.create({ model: 'gpt-4o-mini', prompt: ['one', 'two'] })).rejects.toMatchObject({ status: 400, error: expect.objectContaining({ param: 'prompt' }) });
    await expect(client.completions.create({ model: 'gpt-4o-mini', prompt: 'x', echo: true })).rejects.toMatchObject({ status: 400, error: expect.objectContaining({ param: 'echo' }) });
    await expect(client.completions.create({ model: 'gpt-4o-mini', prompt: 'x', apiBase: 'http://attacker' } as never)).rejects.toMatchObject({ status: 400 });
  });
});
