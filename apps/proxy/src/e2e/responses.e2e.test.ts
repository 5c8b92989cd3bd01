import OpenAI from 'openai';
import { manage, startTestProxy, type TestProxy } from './start-test-proxy.js';

let testProxy: TestProxy;
let key: string;
let client: OpenAI;
/** The cost every answer reported (`usage.cost`), to compare with what the key was charged. */
let reportedCostUsd = 0;

const weatherTool = {
  type: 'function' as const,
  name: 'get_weather',
  description: 'Current weather for a city',
  parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'], additionalProperties: false },
  strict: true,
};

const costOf = (response: { usage?: unknown }) => Number((response.usage as { cost?: number } | undefined)?.cost);
const lastUpstreamMessages = () => (testProxy.upstream.requests.at(-1)?.body as { messages: { role: string; content?: unknown; tool_calls?: unknown }[] }).messages;

beforeAll(async () => {
  testProxy = await startTestProxy();
  key = (await manage(testProxy, '/key/generate', { models: ['gpt-4o-mini'], max_budget: 5 })).key;
  client = new OpenAI({ apiKey: key, baseURL: testProxy.baseURL, maxRetries: 0 });
});
afterAll(async () => {
  await testProxy.stop();
});

describe('/v1/responses with the official openai client (a virtual key with a budget)', () => {
  it('answers a plain request as a Response, with usage, its cost and the LiteLLM headers', async () => {
    testProxy.upstream.enqueue({ reply: 'text', text: 'Hello from the gateway' });
    const { data, response } = await client.responses.create({ model: 'gpt-4o-mini', instructions: 'Be brief.', input: 'Say hello' }).withResponse();
    expect(data.object).toBe('response');
    expect(data.id).toMatch(/^resp_/);
    expect(data.status).toBe('completed');
    expect(data.output_text).toBe('Hello from the gateway');
    expect(data.usage?.output_tokens).toBeGreaterThan(0);
    expect(data.usage?.input_tokens_details.cached_tokens).toBe(0);
    expect(data.usage?.output_tokens_details.reasoning_tokens).toBe(0);
    expect(costOf(data)).toBeCloseTo(Number(response.headers.get('x-litellm-response-cost')), 12);
    expect(response.headers.get('x-litellm-model-group')).toBe('gpt-4o-mini');
    expect(lastUpstreamMessages()).toEqual([
      { role: 'system', content: 'Be brief.' },
      { role: 'user', content: 'Say hello' },
    ]);
    reportedCostUsd += costOf(data);
    // LiteLLM's call type for the Responses API, found by the call id.
    const logs = (await manage(testProxy, `/spend/logs?request_id=${response.headers.get('x-litellm-call-id') ?? ''}`)) as Array<{ call_type: string }>;
    expect(logs.map((log) => log.call_type)).toEqual(['aresponses']);
  });

  it('streams Responses events in order, numbered from 0, ending with response.completed', async () => {
    testProxy.upstream.enqueue({ reply: 'text', text: 'one two three' });
    const stream = await client.responses.create({ model: 'gpt-4o-mini', input: 'count', stream: true });
    const types: string[] = [];
    const sequence: number[] = [];
    let text = '';
    let completed: OpenAI.Responses.Response | undefined;
    for await (const event of stream) {
      types.push(event.type);
      sequence.push(event.sequence_number);
      if (event.type === 'response.output_text.delta') text += event.delta;
      if (event.type === 'response.completed') completed = event.response;
    }
    expect(text).toBe('one two three');
    expect(sequence).toEqual(types.map((_type, index) => index));
    expect(types.slice(0, 4)).toEqual(['response.created', 'response.in_progress', 'response.output_item.added', 'response.content_part.added']);
    expect(types.slice(-4)).toEqual(['response.output_text.done', 'response.content_part.done', 'response.output_item.done', 'response.completed']);
    expect(completed?.output_text ?? completed?.output.flatMap((item) => (item.type === 'message' ? item.content : [])).map((part) => (part.type === 'output_text' ? part.text : '')).join('')).toBe('one two three');
    expect(completed?.usage?.output_tokens).toBeGreaterThan(0);
    reportedCostUsd += costOf(completed ?? {});

    testProxy.upstream.enqueue({ reply: 'text', text: 'streamed by the helper' });
    const final = await client.responses.stream({ model: 'gpt-4o-mini', input: 'again' }).finalResponse();
    expect(final.output_text).toBe('streamed by the helper');
    reportedCostUsd += costOf(final);
  });

  it('calls a function tool, then answers its result in a second turn (previous_response_id)', async () => {
    testProxy.upstream.enqueue({ reply: 'tool_calls', calls: [{ name: 'get_weather', arguments: { city: 'Paris' } }] });
    const first = await client.responses.create({ model: 'gpt-4o-mini', input: 'Weather in Paris?', tools: [weatherTool] });
    const call = first.output.find((item) => item.type === 'function_call');
    expect(call).toMatchObject({ type: 'function_call', name: 'get_weather', status: 'completed' });
    expect(call?.type === 'function_call' && JSON.parse(call.arguments)).toEqual({ city: 'Paris' });
    reportedCostUsd += costOf(first);

    testProxy.upstream.enqueue({ reply: 'text', text: 'It is sunny in Paris.' });
    const second = await client.responses.create({
      model: 'gpt-4o-mini',
      previous_response_id: first.id,
      input: [{ type: 'function_call_output', call_id: call?.type === 'function_call' ? call.call_id : '', output: '21 °C, sunny' }],
      tools: [weatherTool],
    });
    expect(second.output_text).toBe('It is sunny in Paris.');
    expect(second.previous_response_id).toBe(first.id);
    const messages = lastUpstreamMessages();
    expect(messages.map((message) => message.role)).toEqual(['user', 'assistant', 'tool']);
    expect(messages[1]?.tool_calls).toEqual([{ id: call?.type === 'function_call' ? call.call_id : '', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Paris"}' } }]);
    expect(messages[2]).toMatchObject({ role: 'tool', content: '21 °C, sunny' });
    reportedCostUsd += costOf(second);
  });

  it('streams a function call as function_call_arguments events', async () => {
    testProxy.upstream.enqueue({ reply: 'tool_calls', calls: [{ name: 'get_weather', arguments: { city: 'Oslo' } }] });
    const final = await client.responses.stream({ model: 'gpt-4o-mini', input: 'Weather in Oslo?', tools: [weatherTool] }).finalResponse();
    const call = final.output.find((item) => item.type === 'function_call');
    expect(call?.type === 'function_call' && JSON.parse(call.arguments)).toEqual({ city: 'Oslo' });
    reportedCostUsd += costOf(final);
  });

  it('continues a conversation from the stored chain, and reads back, lists, refuses to cancel and deletes a response', async () => {
    testProxy.upstream.enqueue({ reply: 'text', text: 'Nice to meet you, Ada.' });
    const first = await client.responses.create({ model: 'gpt-4o-mini', input: 'My name is Ada.' });
    testProxy.upstream.enqueue({ reply: 'text', text: 'Your name is Ada.' });
    const second = await client.responses.create({ model: 'gpt-4o-mini', input: 'What is my name?', previous_response_id: first.id });
    expect(second.output_text).toBe('Your name is Ada.');
    expect(lastUpstreamMessages()).toEqual([
      { role: 'user', content: 'My name is Ada.' },
      { role: 'assistant', content: 'Nice to meet you, Ada.' },
      { role: 'user', content: 'What is my name?' },
    ]);
    reportedCostUsd += costOf(first) + costOf(second);

    const retrieved = await client.responses.retrieve(second.id);
    expect(retrieved).toEqual(JSON.parse(JSON.stringify(second)));
    const items = await client.responses.inputItems.list(second.id);
    expect(items.data).toHaveLength(1);
    expect(items.data[0]).toMatchObject({ type: 'message', role: 'user', content: 'What is my name?' });
    await expect(client.responses.cancel(second.id)).rejects.toMatchObject({ status: 400 });
    await client.responses.delete(first.id);
    await expect(client.responses.retrieve(first.id)).rejects.toMatchObject({ status: 404 });
    await expect(client.responses.create({ model: 'gpt-4o-mini', input: 'x', previous_response_id: first.id })).rejects.toMatchObject({
      status: 404,
      error: expect.objectContaining({ param: 'previous_response_id' }),
    });
  });

  it("never shows a response to another tenant's key, and keeps nothing with store: false", async () => {
    testProxy.upstream.enqueue({ reply: 'text', text: 'private' });
    const mine = await client.responses.create({ model: 'gpt-4o-mini', input: 'secret' });
    reportedCostUsd += costOf(mine);
    const other = new OpenAI({ apiKey: (await manage(testProxy, '/key/generate', { models: ['gpt-4o-mini'] })).key, baseURL: testProxy.baseURL, maxRetries: 0 });
    await expect(other.responses.retrieve(mine.id)).rejects.toMatchObject({ status: 404 });
    await expect(other.responses.inputItems.list(mine.id)).rejects.toMatchObject({ status: 404 });
    await expect(other.responses.delete(mine.id)).rejects.toMatchObject({ status: 404 });
    await expect(other.responses.create({ model: 'gpt-4o-mini', input: 'x', previous_response_id: mine.id })).rejects.toMatchObject({ status: 404 });
    expect((await client.responses.retrieve(mine.id)).id).toBe(mine.id);
    const itemId = mine.output[0]?.id ?? '';
    await expect(other.responses.create({ model: 'gpt-4o-mini', input: [{ type: 'item_reference', id: itemId }] })).rejects.toMatchObject({
      status: 404,
      error: expect.objectContaining({ param: 'input' }),
    });

    testProxy.upstream.enqueue({ reply: 'text', text: 'forgotten' });
    const unstored = await client.responses.create({ model: 'gpt-4o-mini', input: 'x', store: false });
    expect((unstored as { store?: boolean }).store).toBe(false);
    reportedCostUsd += costOf(unstored);
    await expect(client.responses.retrieve(unstored.id)).rejects.toMatchObject({ status: 404 });
  });

  it('refuses built-in tools and unknown fields with a 400 naming them', async () => {
    await expect(client.responses.create({ model: 'gpt-4o-mini', input: 'x', tools: [{ type: 'web_search' }] })).rejects.toMatchObject({
      status: 400,
      error: expect.objectContaining({ param: 'tools[0].type', message: expect.stringContaining("'web_search'") }),
    });
    await expect(client.responses.create({ model: 'gpt-4o-mini', input: 'x', api_base: 'http://evil.example' } as never)).rejects.toMatchObject({
      status: 400,
      error: expect.objectContaining({ param: 'api_base' }),
    });
    await expect(client.responses.create({ model: 'offline', input: 'x' })).rejects.toMatchObject({ status: 401 });
  });

  it('ends a stream broken upstream with error and response.failed, and an upstream refusal before the answer as an OpenAI error', async () => {
    const failing = new OpenAI({ apiKey: (await manage(testProxy, '/key/generate', { models: ['gpt-4o-mini'] })).key, baseURL: testProxy.baseURL, maxRetries: 0 });
    testProxy.upstream.enqueue({ reply: 'text', text: 'a b c d e f', disconnectAfterChunks: 3 });
    const stream = await failing.responses.create({ model: 'gpt-4o-mini', input: 'x', stream: true });
    const types: string[] = [];
    const failure = await (async () => {
      try {
        for await (const event of stream) types.push(event.type);
      } catch (error) {
        return error;
      }
      return undefined;
    })();
    expect(failure).toBeInstanceOf(Error);
    // What the client sees never names the upstream.
    expect(JSON.stringify(failure) + String(failure)).not.toContain(new URL(testProxy.upstream.url).host);
    expect(types[0]).toBe('response.created');
    expect(types).not.toContain('response.completed');

    testProxy.upstream.enqueue({ reply: 'error', status: 429 });
    await expect(failing.responses.create({ model: 'gpt-4o-mini', input: 'x' })).rejects.toMatchObject({ status: 429 });
  });

  it('charged the key exactly what the answers reported', async () => {
    const info = await manage(testProxy, `/key/info?key=${encodeURIComponent(key)}`);
    expect(reportedCostUsd).toBeGreaterThan(0);
    expect(info.info.spend).toBeCloseTo(reportedCostUsd, 12);
  });
});
