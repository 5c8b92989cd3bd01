import { estimatePromptTokens } from '../plan/estimate-prompt-tokens.js';
import { startMockUpstream, type MockUpstream } from '../start-mock-upstream.js';
import { json, parseSse, postJson } from '../testing-internal/sse.js';

let upstream: MockUpstream;
const headers = { 'x-api-key': 'sk-ant-test', 'anthropic-version': '2023-06-01' };
const request = { model: 'claude-sonnet-4-5', max_tokens: 1024, system: 'Be brief.', messages: [{ role: 'user', content: 'Weather in Florence?' }] };

beforeAll(async () => {
  upstream = await startMockUpstream({ completionTokens: 4 });
});
afterEach(() => upstream.reset());
afterAll(() => upstream.close());

async function messages(body: Record<string, unknown>): Promise<Response> {
  return postJson(`${upstream.url}/v1/messages`, body, headers);
}

describe('Anthropic Messages', () => {
  it('answers a non-streamed request with a message and full usage', async () => {
    const response = await messages(request);
    const body = await json(response);

    expect(response.headers.get('request-id')).toMatch(/^req_01/);
    expect(body).toEqual({
      model: 'claude-sonnet-4-5',
      id: expect.stringMatching(/^msg_01[A-Za-z0-9]{22}$/),
      type: 'message',
      role: 'assistant',
      content: [{ type: 'text', text: 'Hello from the Tollgate.' }],
      stop_reason: 'end_turn',
      stop_sequence: null,
      usage: {
        input_tokens: estimatePromptTokens(request, 'anthropic'),
        cache_creation_input_tokens: 0,
        cache_read_input_tokens: 0,
        cache_creation: { ephemeral_5m_input_tokens: 0, ephemeral_1h_input_tokens: 0 },
        output_tokens: 4,
        service_tier: 'standard',
        inference_geo: 'not_available',
      },
    });
    expect(upstream.requests[0]).toMatchObject({ route: 'anthropic.messages', format: 'anthropic', apiKey: 'sk-ant-test', model: 'claude-sonnet-4-5' });
  });

  it('reports cache reads and writes beside uncached input_tokens', async () => {
    upstream.setBehaviour({ reply: 'text', text: 'ok', usage: { promptTokens: 1000, cachedTokens: 600, cacheWriteTokens: 300 } });
    const body = await json(await messages(request));

    expect(body.usage).toMatchObject({
      input_tokens: 100, cache_read_input_tokens: 600, cache_creation_input_tokens: 300,
      cache_creation: { ephemeral_5m_input_tokens: 300 },
    });
  });

  it('returns text then tool_use blocks with parsed input', async () => {
    upstream.setBehaviour({ reply: 'tool_calls', text: 'Checking.', calls: [{ name: 'weather', arguments: '{"location":"Florence"}' }] });
    const body = await json(await messages(request));

    expect(body.stop_reason).toBe('tool_use');
    expect(body.content).toEqual([
      { type: 'text', text: 'Checking.' },
      { type: 'tool_use', id: expect.stringMatching(/^toolu_01/), name: 'weather', input: { location: 'Florence' }, caller: { type: 'direct' } },
    ]);
  });

  it('returns a thinking block with a signature before the text', async () => {
    upstream.setBehaviour({ reply: 'reasoning', reasoning: 'Short answer.', text: 'Sunny.' });
    const body = await json(await messages(request));

    expect(body.content).toEqual([
      { type: 'thinking', thinking: 'Short answer.', signature: expect.any(String) },
      { type: 'text', text: 'Sunny.' },
    ]);
    expect(body.usage.output_tokens).toBe(3);
  });

  it('streams the event sequence with text deltas and closing usage', async () => {
    const response = await messages({ ...request, stream: true });
    const events = parseSse(await response.text());

    expect(response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    expect(events.map((event) => event.event)).toEqual([
      'message_start', 'content_block_start', 'ping',
      'content_block_delta', 'content_block_delta', 'content_block_delta', 'content_block_delta',
      'content_block_stop', 'message_delta', 'message_stop',
    ]);
    const payloads = events.map((event) => JSON.parse(event.data));
    expect(payloads.every((payload, index) => payload.type === events[index]?.event)).toBe(true);
    expect(payloads[0].message).toMatchObject({ content: [], stop_reason: null, usage: { output_tokens: 1 } });
    expect(payloads.slice(3, 7).map((payload) => payload.delta.text).join('')).toBe('Hello from the Tollgate.');
    expect(payloads[8]).toEqual({
      type: 'message_delta',
      delta: { stop_reason: 'end_turn', stop_sequence: null },
      usage: { input_tokens: payloads[0].message.usage.input_tokens, cache_creation_input_tokens: 0, cache_read_input_tokens: 0, output_tokens: 4 },
    });
  });

  it('streams thinking, signature, text and tool input_json_delta blocks in order', async () => {
    upstream.setBehaviour({ reply: 'tool_calls', calls: [{ name: 'weather', arguments: { location: 'Florence, Italy' } }] });
    const toolEvents = parseSse(await (await messages({ ...request, stream: true })).text()).map((event) => JSON.parse(event.data));
    upstream.setBehaviour({ reply: 'reasoning', reasoning: 'Hmm ok.', text: 'Yes.' });
    const thinkingEvents = parseSse(await (await messages({ ...request, stream: true })).text()).map((event) => JSON.parse(event.data));

    expect(toolEvents[1].content_block).toEqual({ type: 'tool_use', id: expect.stringMatching(/^toolu_01/), name: 'weather', input: {}, caller: { type: 'direct' } });
    const fragments = toolEvents.filter((event) => event.delta?.type === 'input_json_delta').map((event) => event.delta.partial_json);
    expect(fragments[0]).toBe('');
    expect(JSON.parse(fragments.join(''))).toEqual({ location: 'Florence, Italy' });
    expect(toolEvents.at(-2).delta.stop_reason).toBe('tool_use');
    const deltaTypes = thinkingEvents.filter((event) => event.type === 'content_block_delta').map((event) => [event.index, event.delta.type]);
    expect(deltaTypes).toEqual([[0, 'thinking_delta'], [0, 'thinking_delta'], [0, 'signature_delta'], [1, 'text_delta']]);
  });

  it('requires max_tokens, as the API does', async () => {
    const { max_tokens: _omitted, ...withoutMax } = request;
    const response = await messages(withoutMax);

    expect(response.status).toBe(400);
    expect(await json(response)).toEqual({ type: 'error', error: { type: 'invalid_request_error', message: 'max_tokens: Field required' } });
  });

  it('lists models in Anthropic format when asked with anthropic-version', async () => {
    const body = await json(await fetch(`${upstream.url}/v1/models`, { headers }));

    expect(body).toMatchObject({ has_more: false, first_id: 'mock-model' });
    expect(body.data[0]).toMatchObject({ type: 'model', id: 'mock-model', display_name: 'mock-model' });
  });
});
