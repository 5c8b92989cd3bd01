import { createOpenAI } from '@ai-sdk/openai';
import { generateText, stepCountIs, streamText, tool } from 'ai';
import { z } from 'zod';
import { manage, startTestProxy, type TestProxy } from './start-test-proxy.js';

// The AI SDK's `openai(model)` speaks the Responses API by default: these calls reach /v1/responses.
let testProxy: TestProxy;
let key: string;
let openai: ReturnType<typeof createOpenAI>;
let chargedCostUsd = 0;

const costHeader = (headers: Record<string, string> | undefined) => Number(headers?.['x-litellm-response-cost']);
const upstreamMessages = (index: number) => (testProxy.upstream.requests.at(index)?.body as { messages: { role: string; content?: unknown }[] }).messages;

beforeAll(async () => {
  testProxy = await startTestProxy();
  key = (await manage(testProxy, '/key/generate', { models: ['gpt-4o-mini'], max_budget: 5 })).key;
  openai = createOpenAI({ apiKey: key, baseURL: testProxy.baseURL });
});
afterAll(async () => {
  await testProxy.stop();
});

describe('/v1/responses with the AI SDK (openai(model), its default API)', () => {
  it('generateText: a plain answer with usage', async () => {
    testProxy.upstream.enqueue({ reply: 'text', text: 'Hi from the AI SDK path' });
    const result = await generateText({ model: openai('gpt-4o-mini'), system: 'Be brief.', prompt: 'Say hi' });
    expect(result.text).toBe('Hi from the AI SDK path');
    expect(result.usage.outputTokens).toBeGreaterThan(0);
    expect(testProxy.upstream.requests.at(-1)?.path).toBe('/v1/chat/completions');
    expect(upstreamMessages(-1).at(-1)).toEqual({ role: 'user', content: 'Say hi' });
    expect(costHeader(result.response.headers)).toBeGreaterThan(0);
    chargedCostUsd += costHeader(result.response.headers);
  });

  it('streamText: the text arrives in pieces and the stream finishes', async () => {
    testProxy.upstream.enqueue({ reply: 'text', text: 'alpha beta gamma' });
    const result = streamText({ model: openai('gpt-4o-mini'), prompt: 'stream' });
    const pieces: string[] = [];
    for await (const piece of result.textStream) pieces.push(piece);
    expect(pieces.join('')).toBe('alpha beta gamma');
    expect(pieces.length).toBeGreaterThan(1);
    expect(await result.finishReason).toBe('stop');
    expect((await result.usage).outputTokens).toBeGreaterThan(0);
    // A stream's cost is known at its end: in the final event's usage, kept with the stored response.
    const responseId = (await result.providerMetadata)?.['openai']?.['responseId'];
    const stored = await fetch(`${testProxy.baseURL}/responses/${responseId as string}`, { headers: { authorization: `Bearer ${key}` } });
    const cost = ((await stored.json()) as { usage: { cost: number } }).usage.cost;
    expect(cost).toBeGreaterThan(0);
    chargedCostUsd += cost;
  });

  it('tools: calls the function, runs it, and answers with its result in a second step', async () => {
    testProxy.upstream.enqueue({ reply: 'tool_calls', calls: [{ name: 'get_weather', arguments: { city: 'Rome' } }] });
    testProxy.upstream.enqueue({ reply: 'text', text: 'Rome is warm.' });
    const result = await generateText({
      model: openai('gpt-4o-mini'),
      prompt: 'Weather in Rome?',
      tools: { get_weather: tool({ description: 'Weather for a city', inputSchema: z.object({ city: z.string() }), execute: async ({ city }) => `${city}: 28 °C` }) },
      stopWhen: stepCountIs(3),
    });
    expect(result.text).toBe('Rome is warm.');
    expect(result.steps).toHaveLength(2);
    expect(result.steps[0]?.toolCalls[0]).toMatchObject({ toolName: 'get_weather', input: { city: 'Rome' } });
    const second = upstreamMessages(-1);
    expect(second.map((message) => message.role)).toEqual(['user', 'assistant', 'tool']);
    expect(second[2]?.content).toContain('28 °C');
    for (const step of result.steps) chargedCostUsd += costHeader(step.response.headers);
  });

  it('previousResponseId: continues a stored conversation', async () => {
    testProxy.upstream.enqueue({ reply: 'text', text: 'Noted: blue.' });
    const first = await generateText({ model: openai('gpt-4o-mini'), prompt: 'My favourite colour is blue.' });
    const responseId = first.providerMetadata?.['openai']?.['responseId'];
    expect(responseId).toMatch(/^resp_/);
    testProxy.upstream.enqueue({ reply: 'text', text: 'Blue.' });
    const second = await generateText({
      model: openai('gpt-4o-mini'),
      prompt: 'Which colour?',
      providerOptions: { openai: { previousResponseId: responseId as string } },
    });
    expect(second.text).toBe('Blue.');
    expect(upstreamMessages(-1)).toEqual([
      { role: 'user', content: 'My favourite colour is blue.' },
      { role: 'assistant', content: 'Noted: blue.' },
      { role: 'user', content: 'Which colour?' },
    ]);
    chargedCostUsd += costHeader(first.response.headers) + costHeader(second.response.headers);
  });

  it('messages history: the stored reasoning and message it sends back by item_reference are resolved', async () => {
    testProxy.upstream.enqueue({ reply: 'reasoning', reasoning: 'Think about Q1.', text: 'Answer one' });
    const first = await generateText({ model: openai('gpt-4o-mini'), prompt: 'Q1' });
    expect(first.reasoningText).toBe('Think about Q1.');
    testProxy.upstream.enqueue({ reply: 'text', text: 'Answer two' });
    const second = await generateText({ model: openai('gpt-4o-mini'), messages: [{ role: 'user', content: 'Q1' }, ...first.response.messages, { role: 'user', content: 'Q2' }] });
    expect(second.text).toBe('Answer two');
    expect(upstreamMessages(-1)).toEqual([
      { role: 'user', content: 'Q1' },
      { role: 'assistant', content: 'Answer one' },
      { role: 'user', content: 'Q2' },
    ]);
    chargedCostUsd += costHeader(first.response.headers) + costHeader(second.response.headers);
  });

  it('charged the key exactly what the answers reported', async () => {
    const info = await manage(testProxy, `/key/info?key=${encodeURIComponent(key)}`);
    expect(chargedCostUsd).toBeGreaterThan(0);
    expect(info.info.spend).toBeCloseTo(chargedCostUsd, 12);
  });
});
