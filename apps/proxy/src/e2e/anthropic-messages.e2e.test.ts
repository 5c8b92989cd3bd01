// The Anthropic Messages API through the proxy, with the official @anthropic-ai/sdk unmodified: a translated
// deployment (OpenAI upstream) and a native one (Anthropic upstream), streamed and not, tools, thinking,
// count_tokens, prompt caching, errors as the SDK's error classes, and spend booked equal to the costs reported.
import Anthropic from '@anthropic-ai/sdk';
import { startMockUpstream } from '@tollgate/testing';
import { manage, MASTER_KEY, startTestProxy, UPSTREAM_KEY, type TestProxy } from './start-test-proxy.js';

let testProxy: TestProxy;
let upstream: Awaited<ReturnType<typeof startMockUpstream>>;
let key: string;
let client: Anthropic;
/** The cost the proxy reported for every call made with `key`. */
let reportedCost = 0;

const WEATHER_TOOL = {
  name: 'get_weather',
  description: 'Weather of a city',
  input_schema: { type: 'object' as const, properties: { city: { type: 'string' } }, required: ['city'] },
};

beforeAll(async () => {
  upstream = await startMockUpstream({ requireApiKey: UPSTREAM_KEY });
  testProxy = await startTestProxy({
    upstream,
    extraModels: `
  - model_name: claude-sonnet
    litellm_params:
      model: anthropic/claude-sonnet-4-5
      api_base: ${upstream.url}
      api_key: os.environ/E2E_UPSTREAM_KEY`,
  });
  const generated = await manage(testProxy, '/key/generate', { max_budget: 5, models: ['gpt-4o-mini', 'claude-sonnet'] });
  key = generated.key;
  client = new Anthropic({ apiKey: key, baseURL: testProxy.proxy.url, maxRetries: 0 });
});
afterAll(async () => {
  await testProxy.stop();
  await upstream.close();
});

/** Adds up the cost a stream reports on its `message_delta` (streams know it only at the end). */
function countStreamCost(stream: { on(event: 'streamEvent', listener: (event: any) => void): unknown }): void {
  stream.on('streamEvent', (event) => {
    if (event.type === 'message_delta') reportedCost += Number(event.usage.cost);
  });
}

function costOf(response: Response): number {
  const cost = Number(response.headers.get('x-litellm-response-cost'));
  reportedCost += cost;
  return cost;
}

describe.each(['gpt-4o-mini', 'claude-sonnet'])('@anthropic-ai/sdk → /v1/messages → %s', (model) => {
  it('messages.create: a text reply with usage, the LiteLLM headers and its cost', async () => {
    upstream.enqueue({ reply: 'text', text: 'The meeting is in Oslo.' });
    const { data, response } = await client.messages
      .create({ model, max_tokens: 200, system: 'Be brief.', messages: [{ role: 'user', content: 'Where is the meeting?' }] })
      .withResponse();
    expect(data.type).toBe('message');
    expect(data.role).toBe('assistant');
    expect(data.content).toEqual([{ type: 'text', text: 'The meeting is in Oslo.' }]);
    expect(data.stop_reason).toBe('end_turn');
    expect(data.usage.input_tokens).toBeGreaterThan(0);
    expect(data.usage.output_tokens).toBe(5);
    expect(response.headers.get('x-litellm-model-group')).toBe(model);
    expect(costOf(response)).toBeGreaterThan(0);
    const sent = upstream.requests.at(-1)!;
    expect(sent.apiKey).toBe(UPSTREAM_KEY);
    expect(sent.format).toBe(model === 'claude-sonnet' ? 'anthropic' : 'openai');
  });

  it('messages.stream: Anthropic events, folded by the SDK into the final message', async () => {
    upstream.enqueue({ reply: 'text', text: 'one two three four' });
    const stream = client.messages.stream({ model, max_tokens: 200, messages: [{ role: 'user', content: 'count' }] });
    const types: string[] = [];
    stream.on('streamEvent', (event) => types.push(event.type));
    let cost = 0;
    stream.on('streamEvent', (event) => {
      if (event.type === 'message_delta') cost = Number((event.usage as { cost?: number }).cost);
    });
    countStreamCost(stream);
    const { data, response } = await stream.withResponse();
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    const final = await data.finalMessage();
    expect(final.content).toEqual([{ type: 'text', text: 'one two three four' }]);
    expect(final.stop_reason).toBe('end_turn');
    expect(final.usage.output_tokens).toBe(4);
    expect(final.usage.input_tokens).toBeGreaterThan(0);
    expect(types[0]).toBe('message_start');
    expect(types.at(-1)).toBe('message_stop');
    expect(types).toContain('content_block_delta');
    expect(types).toContain('message_delta');
    expect(response.headers.get('x-litellm-model-group')).toBe(model);
    expect(cost).toBeGreaterThan(0);
  });

  it('tools: a tool_use reply (streamed with input_json_delta), then the tool_result turn', async () => {
    upstream.enqueue({ reply: 'tool_calls', calls: [{ name: 'get_weather', arguments: { city: 'Paris' } }] });
    const first = await client.messages
      .create({ model, max_tokens: 200, tools: [WEATHER_TOOL], messages: [{ role: 'user', content: 'Weather in Paris?' }] })
      .withResponse();
    costOf(first.response);
    expect(first.data.stop_reason).toBe('tool_use');
    const toolUse = first.data.content.find((block) => block.type === 'tool_use');
    expect(toolUse).toMatchObject({ type: 'tool_use', name: 'get_weather', input: { city: 'Paris' } });

    upstream.enqueue({ reply: 'tool_calls', calls: [{ name: 'get_weather', arguments: { city: 'Oslo' } }] });
    const streamed = client.messages.stream({ model, max_tokens: 200, tools: [WEATHER_TOOL], messages: [{ role: 'user', content: 'Weather in Oslo?' }] });
    countStreamCost(streamed);
    const deltas: string[] = [];
    streamed.on('inputJson', (partial) => deltas.push(partial));
    const streamedFinal = await streamed.finalMessage();
    expect(deltas.length).toBeGreaterThan(0);
    expect(streamedFinal.stop_reason).toBe('tool_use');
    expect(streamedFinal.content.find((block) => block.type === 'tool_use')).toMatchObject({ input: { city: 'Oslo' } });

    upstream.enqueue({ reply: 'text', text: 'Sunny, 21 degrees.' });
    const second = await client.messages
      .create({
        model,
        max_tokens: 200,
        tools: [WEATHER_TOOL],
        messages: [
          { role: 'user', content: 'Weather in Paris?' },
          { role: 'assistant', content: first.data.content },
          { role: 'user', content: [{ type: 'tool_result', tool_use_id: toolUse!.type === 'tool_use' ? toolUse!.id : '', content: '21 C, sunny' }] },
        ],
      })
      .withResponse();
    costOf(second.response);
    expect(second.data.content).toEqual([{ type: 'text', text: 'Sunny, 21 degrees.' }]);
    // The tool result reached the upstream in its own format.
    const body = upstream.requests.at(-1)!.body as any;
    const id = toolUse!.type === 'tool_use' ? toolUse!.id : '';
    if (model === 'claude-sonnet') {
      expect(body.messages.at(-1).content).toEqual([{ type: 'tool_result', tool_use_id: id, content: '21 C, sunny' }]);
    } else {
      expect(body.messages.at(-1)).toEqual({ role: 'tool', tool_call_id: id, content: '21 C, sunny' });
    }
  });

  it('thinking: the reasoning comes back as a thinking block, streamed and not', async () => {
    upstream.enqueue({ reply: 'reasoning', reasoning: 'Paris is in France.', text: 'Paris.' });
    const { data, response } = await client.messages
      .create({ model, max_tokens: 4000, thinking: { type: 'enabled', budget_tokens: 2048 }, messages: [{ role: 'user', content: 'Capital of France?' }] })
      .withResponse();
    costOf(response);
    expect(data.content[0]).toMatchObject({ type: 'thinking', thinking: 'Paris is in France.' });
    expect(data.content[1]).toEqual({ type: 'text', text: 'Paris.' });
    if (model === 'claude-sonnet') {
      // Anthropic's signature, to be sent back unchanged; the budget reached Anthropic as given.
      expect(data.content[0]).toMatchObject({ signature: expect.stringMatching(/.+/) });
      expect((upstream.requests.at(-1)!.body as any).thinking).toEqual({ type: 'enabled', budget_tokens: 2048 });
    } else {
      expect((upstream.requests.at(-1)!.body as any).reasoning_effort).toBe('low');
    }

    upstream.enqueue({ reply: 'reasoning', reasoning: 'Rome is in Italy.', text: 'Rome.' });
    const stream = client.messages.stream({ model, max_tokens: 4000, thinking: { type: 'enabled', budget_tokens: 2048 }, messages: [{ role: 'user', content: 'Capital of Italy?' }] });
    countStreamCost(stream);
    const thinking: string[] = [];
    stream.on('thinking', (delta) => thinking.push(delta));
    const final = await stream.finalMessage();
    expect(thinking.join('')).toBe('Rome is in Italy.');
    expect(final.content.map((block) => block.type)).toEqual(['thinking', 'text']);
  });

  it('countTokens: the prompt counted without an upstream call', async () => {
    const before = upstream.requests.length;
    const counted = await client.messages.countTokens({ model, tools: [WEATHER_TOOL], messages: [{ role: 'user', content: 'Weather in Paris, please?' }] });
    expect(counted.input_tokens).toBeGreaterThan(10);
    const longer = await client.messages.countTokens({ model, tools: [WEATHER_TOOL], messages: [{ role: 'user', content: 'Weather in Paris, please? '.repeat(20) }] });
    expect(longer.input_tokens).toBeGreaterThan(counted.input_tokens);
    expect(upstream.requests.length).toBe(before);
  });
});

describe('the native Anthropic deployment', () => {
  it('countTokens includes the tool-use prompt Anthropic adds for Claude', async () => {
    const request = { tools: [WEATHER_TOOL], messages: [{ role: 'user' as const, content: 'Weather in Paris?' }] };
    const claude = await client.messages.countTokens({ model: 'claude-sonnet', ...request });
    const openai = await client.messages.countTokens({ model: 'gpt-4o-mini', ...request });
    expect(claude.input_tokens).toBe(openai.input_tokens + 346);
  });

  it('carries cache_control to Anthropic and charges the cache prices', async () => {
    upstream.enqueue({ reply: 'text', text: 'cached answer', usage: { promptTokens: 1000, cachedTokens: 600, cacheWriteTokens: 200 } });
    const { data, response } = await client.messages
      .create({
        model: 'claude-sonnet',
        max_tokens: 100,
        system: [{ type: 'text', text: 'A long shared prefix.', cache_control: { type: 'ephemeral' } }],
        messages: [{ role: 'user', content: [{ type: 'text', text: 'question', cache_control: { type: 'ephemeral', ttl: '1h' } }] }],
      })
      .withResponse();
    const body = upstream.requests.at(-1)!.body as any;
    expect(body.system).toEqual([{ type: 'text', text: 'A long shared prefix.', cache_control: { type: 'ephemeral' } }]);
    expect(body.messages[0].content[0].cache_control).toEqual({ type: 'ephemeral', ttl: '1h' });
    expect(data.usage).toMatchObject({ input_tokens: 200, cache_read_input_tokens: 600, cache_creation_input_tokens: 200, output_tokens: 2 });
    // claude-sonnet-4-5: $3 / M input, $0.30 / M cache read, $3.75 / M cache write, $15 / M output.
    const expectedNanoUsd = 200 * 3_000 + 600 * 300 + 200 * 3_750 + 2 * 15_000;
    expect(costOf(response)).toBeCloseTo(expectedNanoUsd / 1e9, 12);
  });
});

describe('errors in Anthropic shape, as the SDK error classes', () => {
  it('a wrong key: AuthenticationError, with x-api-key and with a Bearer token', async () => {
    for (const options of [{ apiKey: 'sk-wrong' }, { authToken: 'sk-wrong', apiKey: null }]) {
      const wrong = new Anthropic({ ...options, baseURL: testProxy.proxy.url, maxRetries: 0 });
      const failure = await wrong.messages.create({ model: 'gpt-4o-mini', max_tokens: 10, messages: [{ role: 'user', content: 'x' }] }).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(Anthropic.AuthenticationError);
      expect((failure as InstanceType<typeof Anthropic.AuthenticationError>).error).toMatchObject({ type: 'error', error: { type: 'authentication_error' } });
    }
  });

  it('a Bearer token (as Claude Code sends ANTHROPIC_AUTH_TOKEN) is a valid key', async () => {
    const bearer = new Anthropic({ authToken: key, apiKey: null, baseURL: testProxy.proxy.url, maxRetries: 0 });
    upstream.enqueue({ reply: 'text', text: 'ok' });
    const { data, response } = await bearer.messages.create({ model: 'gpt-4o-mini', max_tokens: 10, messages: [{ role: 'user', content: 'x' }] }).withResponse();
    costOf(response);
    expect(data.content).toEqual([{ type: 'text', text: 'ok' }]);
  });

  it('a model the key may not use, an unknown model, a bad body: the right classes and types', async () => {
    const notAllowed = await client.messages.create({ model: 'offline', max_tokens: 10, messages: [{ role: 'user', content: 'x' }] }).catch((error: unknown) => error);
    expect(notAllowed).toBeInstanceOf(Anthropic.APIError);
    expect((notAllowed as InstanceType<typeof Anthropic.APIError>).error).toMatchObject({ type: 'error', error: { type: expect.any(String), message: expect.stringContaining('offline') } });
    const unknown = await client.messages.create({ model: 'nope', max_tokens: 10, messages: [{ role: 'user', content: 'x' }] }).catch((error: unknown) => error);
    expect(unknown).toBeInstanceOf(Anthropic.BadRequestError);
    expect((unknown as InstanceType<typeof Anthropic.BadRequestError>).error).toMatchObject({ error: { type: 'invalid_request_error' } });
    const response = await fetch(`${testProxy.proxy.url}/v1/messages`, {
      method: 'POST',
      headers: { 'x-api-key': key, 'content-type': 'application/json', 'anthropic-version': '2023-06-01' },
      body: JSON.stringify({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'x' }] }),
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ type: 'error', error: { type: 'invalid_request_error', message: expect.stringContaining('max_tokens') } });
    const malformed = await fetch(`${testProxy.proxy.url}/v1/messages?beta=true`, { method: 'POST', headers: { 'x-api-key': key, 'content-type': 'application/json' }, body: '{"model":' });
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toMatchObject({ type: 'error', error: { type: 'invalid_request_error' } });
  });

  it('a budget spent and a rate limit hit: refused in Anthropic shape', async () => {
    const poor = await manage(testProxy, '/key/generate', { max_budget: 0.000001, models: ['gpt-4o-mini'] });
    const poorClient = new Anthropic({ apiKey: poor.key, baseURL: testProxy.proxy.url, maxRetries: 0 });
    // Whether the first call is refused or spends the budget, the next one is refused (no reply queued: none may be left over).
    await poorClient.messages.create({ model: 'gpt-4o-mini', max_tokens: 50, messages: [{ role: 'user', content: 'x'.repeat(400) }] }).catch(() => undefined);
    const refused = await poorClient.messages.create({ model: 'gpt-4o-mini', max_tokens: 50, messages: [{ role: 'user', content: 'x' }] }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(Anthropic.APIError);
    expect((refused as InstanceType<typeof Anthropic.APIError>).error).toMatchObject({ type: 'error', error: { message: expect.stringMatching(/budget/i) } });

    const limited = await manage(testProxy, '/key/generate', { rpm_limit: 1, models: ['gpt-4o-mini'] });
    const limitedClient = new Anthropic({ apiKey: limited.key, baseURL: testProxy.proxy.url, maxRetries: 0 });
    await limitedClient.messages.create({ model: 'gpt-4o-mini', max_tokens: 10, messages: [{ role: 'user', content: 'x' }] });
    const second = await limitedClient.messages.create({ model: 'gpt-4o-mini', max_tokens: 10, messages: [{ role: 'user', content: 'x' }] }).catch((error: unknown) => error);
    expect(second).toBeInstanceOf(Anthropic.RateLimitError);
    expect((second as InstanceType<typeof Anthropic.RateLimitError>).error).toMatchObject({ type: 'error', error: { type: 'rate_limit_error' } });
  });

  it('an upstream failure: overloaded before the answer, an error event mid-stream', async () => {
    upstream.enqueue({ reply: 'error', status: 529 });
    const overloaded = await client.messages.create({ model: 'claude-sonnet', max_tokens: 10, messages: [{ role: 'user', content: 'x' }] }).catch((error: unknown) => error);
    expect(overloaded).toBeInstanceOf(Anthropic.APIError);
    expect((overloaded as InstanceType<typeof Anthropic.APIError>).status).toBe(503);
    expect((overloaded as InstanceType<typeof Anthropic.APIError>).error).toMatchObject({ type: 'error', error: { type: 'overloaded_error' } });
    expect(JSON.stringify((overloaded as InstanceType<typeof Anthropic.APIError>).error)).not.toContain(String(upstream.port));

    upstream.enqueue({ reply: 'text', text: 'a b c d e f g h i j', disconnectAfterChunks: 4 });
    // Booked for what was produced, but not reported to the client: made with another key than the spend check's.
    const admin = new Anthropic({ apiKey: MASTER_KEY, baseURL: testProxy.proxy.url, maxRetries: 0 });
    const stream = admin.messages.stream({ model: 'gpt-4o-mini', max_tokens: 100, messages: [{ role: 'user', content: 'x' }] });
    const failure = await stream.finalMessage().catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(Anthropic.APIError);
    expect(String((failure as Error).message)).not.toContain(String(upstream.port));
  });
});

describe('spend', () => {
  it('the key’s booked spend equals the costs reported on its calls', async () => {
    const info = await manage(testProxy, `/key/info?key=${encodeURIComponent(key)}`);
    expect(reportedCost).toBeGreaterThan(0);
    expect(info.info.spend).toBeCloseTo(reportedCost, 12);
    const allLogs = testProxy.logs.join('\n');
    for (const secret of [MASTER_KEY, UPSTREAM_KEY, key]) expect(allLogs).not.toContain(secret);
  });
});
