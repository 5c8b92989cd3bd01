import OpenAI from 'openai';
import { startMockUpstream, type MockUpstream } from '../start-mock-upstream.js';
import { estimatePromptTokens } from '../plan/estimate-prompt-tokens.js';

let upstream: MockUpstream;
let client: OpenAI;

beforeAll(async () => {
  upstream = await startMockUpstream();
  client = new OpenAI({ apiKey: 'sk-test-key', baseURL: `${upstream.url}/v1`, maxRetries: 0 });
});
afterEach(() => upstream.reset());
afterAll(() => upstream.close());

describe('OpenAI Responses', () => {
  it('answers with a completed Response whose usage counts instructions and input, and records the request', async () => {
    upstream.setBehaviour({ reply: 'text', text: 'Hello there' });
    const body = { model: 'gpt-4o-mini', instructions: 'Be brief.', input: 'Say hello', truncation: 'auto' as const, metadata: { ticket: 'T-1' } };
    const response = await client.responses.create(body);

    expect(response).toMatchObject({ object: 'response', status: 'completed', model: 'gpt-4o-mini', instructions: 'Be brief.', truncation: 'auto', metadata: { ticket: 'T-1' } });
    expect(response.id).toMatch(/^resp_/);
    expect(response.output_text).toBe('Hello there');
    const inputTokens = estimatePromptTokens(body, 'openai');
    expect(inputTokens).toBe(Math.ceil('Be brief.Say hello'.length / 4));
    expect(response.usage).toMatchObject({ input_tokens: inputTokens, output_tokens: 2, total_tokens: inputTokens + 2 });
    expect(upstream.requests[0]).toMatchObject({ path: '/v1/responses', route: 'openai.responses', model: 'gpt-4o-mini', stream: false, body });
  });

  it('adds a reasoning item with encrypted_content when include asks for it, and answers tool calls as function_call items', async () => {
    upstream.setBehaviour({ reply: 'tool_calls', calls: [{ name: 'get_weather', arguments: { city: 'Paris' } }] });
    const response = await client.responses.create({ model: 'o4-mini', input: 'Weather?', include: ['reasoning.encrypted_content'] });

    expect(response.output[0]).toMatchObject({ type: 'reasoning', summary: [] });
    expect((response.output[0] as { encrypted_content?: string }).encrypted_content).toMatch(/^gAAAA/);
    expect(response.output[1]).toMatchObject({ type: 'function_call', name: 'get_weather', arguments: '{"city":"Paris"}' });
  });

  it('refuses a request without input with an OpenAI error', async () => {
    await expect(client.responses.create({ model: 'gpt-4o-mini' } as never)).rejects.toMatchObject({ status: 400, param: 'input' });
  });

  it('streams Responses events numbered from 0, text deltas then response.completed with the whole Response', async () => {
    upstream.setBehaviour({ reply: 'text', text: 'one two three' });
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
    expect(completed?.output[0]).toMatchObject({ type: 'message', content: [{ type: 'output_text', text: 'one two three' }] });
    expect(completed?.usage?.output_tokens).toBe(3);
    expect(upstream.requests[0]).toMatchObject({ path: '/v1/responses', stream: true });

    upstream.setBehaviour({ reply: 'tool_calls', calls: [{ name: 'get_weather', arguments: { city: 'Paris' } }] });
    const final = await client.responses.stream({ model: 'gpt-4o-mini', input: 'weather' }).finalResponse();
    expect(final.output[0]).toMatchObject({ type: 'function_call', name: 'get_weather', arguments: '{"city":"Paris"}' });
  });
});
