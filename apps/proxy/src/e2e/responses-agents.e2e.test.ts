import { Agent, OpenAIProvider, Runner, tool } from '@openai/agents';
import OpenAI from 'openai';
import { z } from 'zod';
import { manage, startTestProxy, type TestProxy } from './start-test-proxy.js';

// The OpenAI Agents SDK with its default model API (Responses), pointed at the proxy; tracing off (no network).
let testProxy: TestProxy;
let key: string;
let runner: Runner;
let reader: OpenAI;
const responseIds: string[] = [];

const getWeather = tool({
  name: 'get_weather',
  description: 'Current weather for a city',
  parameters: z.object({ city: z.string() }),
  execute: async ({ city }) => `${city}: 21 °C, sunny`,
});
const agent = new Agent({ name: 'Weather', instructions: 'Use tools when they help.', model: 'gpt-4o-mini', tools: [getWeather] });
const idsOf = (result: { rawResponses: readonly { responseId?: string | undefined }[] }) => result.rawResponses.map((raw) => raw.responseId ?? '');

beforeAll(async () => {
  testProxy = await startTestProxy();
  key = (await manage(testProxy, '/key/generate', { models: ['gpt-4o-mini'], max_budget: 5 })).key;
  runner = new Runner({ modelProvider: new OpenAIProvider({ apiKey: key, baseURL: testProxy.baseURL }), tracingDisabled: true });
  reader = new OpenAI({ apiKey: key, baseURL: testProxy.baseURL, maxRetries: 0 });
});
afterAll(async () => {
  await testProxy.stop();
});

describe('/v1/responses with @openai/agents (default API)', () => {
  it('runs a plain agent turn', async () => {
    testProxy.upstream.enqueue({ reply: 'text', text: 'Hello, agent here.' });
    const result = await runner.run(new Agent({ name: 'Plain', instructions: 'Be brief.', model: 'gpt-4o-mini' }), 'Hi');
    expect(result.finalOutput).toBe('Hello, agent here.');
    responseIds.push(...idsOf(result));
  });

  it('runs the tool loop: the function call, its result, the answer', async () => {
    testProxy.upstream.enqueue({ reply: 'tool_calls', calls: [{ name: 'get_weather', arguments: { city: 'Lisbon' } }] });
    testProxy.upstream.enqueue({ reply: 'text', text: 'Lisbon is sunny, 21 °C.' });
    const result = await runner.run(agent, 'Weather in Lisbon?');
    expect(result.finalOutput).toBe('Lisbon is sunny, 21 °C.');
    const messages = (testProxy.upstream.requests.at(-1)?.body as { messages: { role: string; content?: unknown }[] }).messages;
    expect(messages.map((message) => message.role)).toEqual(['system', 'user', 'assistant', 'tool']);
    expect(messages[3]?.content).toBe('Lisbon: 21 °C, sunny');
    responseIds.push(...idsOf(result));
  });

  it('streams a run', async () => {
    testProxy.upstream.enqueue({ reply: 'text', text: 'streamed agent answer' });
    const result = await runner.run(new Agent({ name: 'Streamer', model: 'gpt-4o-mini' }), 'Stream please', { stream: true });
    let text = '';
    for await (const event of result) {
      if (event.type === 'raw_model_stream_event' && event.data.type === 'output_text_delta') text += event.data.delta;
    }
    await result.completed;
    expect(text).toBe('streamed agent answer');
    expect(result.finalOutput).toBe('streamed agent answer');
    responseIds.push(...idsOf(result));
  });

  it('continues with previousResponseId', async () => {
    testProxy.upstream.enqueue({ reply: 'text', text: 'I will remember 42.' });
    const plain = new Agent({ name: 'Memory', model: 'gpt-4o-mini' });
    const first = await runner.run(plain, 'Remember 42.');
    testProxy.upstream.enqueue({ reply: 'text', text: '42' });
    const second = await runner.run(plain, 'What number?', { previousResponseId: first.lastResponseId });
    expect(second.finalOutput).toBe('42');
    const messages = (testProxy.upstream.requests.at(-1)?.body as { messages: { role: string; content?: unknown }[] }).messages;
    expect(messages).toEqual([
      { role: 'user', content: 'Remember 42.' },
      { role: 'assistant', content: 'I will remember 42.' },
      { role: 'user', content: 'What number?' },
    ]);
    responseIds.push(...idsOf(first), ...idsOf(second));
  });

  it('charged the key exactly what the stored responses report', async () => {
    let reported = 0;
    for (const id of responseIds) reported += Number(((await reader.responses.retrieve(id)).usage as { cost?: number } | undefined)?.cost);
    expect(responseIds.length).toBe(6);
    expect(reported).toBeGreaterThan(0);
    const info = await manage(testProxy, `/key/info?key=${encodeURIComponent(key)}`);
    expect(info.info.spend).toBeCloseTo(reported, 12);
  });
});
