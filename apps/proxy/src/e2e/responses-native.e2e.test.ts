import OpenAI from 'openai';
import { startMockUpstream } from '@tollgate/testing';
import { manage, startTestProxy, UPSTREAM_KEY, type TestProxy } from './start-test-proxy.js';

let testProxy: TestProxy;
let key: string;
let client: OpenAI;
/** The cost every answer reported (`usage.cost`), to compare with what the key was charged. */
let reportedCostUsd = 0;

const costOf = (response: { usage?: unknown }) => Number((response.usage as { cost?: number } | undefined)?.cost);
const lastUpstream = () => testProxy.upstream.requests.at(-1)!;
const lastUpstreamBody = () => lastUpstream().body as Record<string, unknown>;

beforeAll(async () => {
  const upstream = await startMockUpstream({ requireApiKey: UPSTREAM_KEY });
  testProxy = await startTestProxy({
    upstream,
    nativeResponses: true,
    extraModels: `
  - model_name: mixed
    litellm_params:
      model: openai/gpt-4o-mini
      api_base: ${upstream.url}/v1
      api_key: os.environ/E2E_UPSTREAM_KEY
  - model_name: mixed
    litellm_params:
      model: anthropic/claude-sonnet-4-5
      api_base: ${upstream.url}
      api_key: os.environ/E2E_UPSTREAM_KEY`,
  });
  key = (await manage(testProxy, '/key/generate', { models: ['gpt-4o-mini', 'mixed'], max_budget: 5 })).key;
  client = new OpenAI({ apiKey: key, baseURL: testProxy.baseURL, maxRetries: 0 });
});
afterAll(async () => {
  await testProxy.stop();
  await testProxy.upstream.close();
});

describe('/v1/responses passed natively to an all-OpenAI model group (official openai client, key with a budget)', () => {
  let firstId: string;

  it('sends the request as is to the upstream /responses, with fields translation would drop, and answers it intact', async () => {
    testProxy.upstream.enqueue({ reply: 'text', text: 'Native hello' });
    const { data, response } = await client.responses
      .create({
        model: 'gpt-4o-mini',
        instructions: 'Be brief.',
        input: 'Say hello',
        include: ['reasoning.encrypted_content'],
        truncation: 'auto',
        metadata: { ticket: 'T-1' },
      })
      .withResponse();

    expect(lastUpstream().path).toBe('/v1/responses');
    const sent = lastUpstreamBody();
    expect(sent).toMatchObject({ model: 'gpt-4o-mini', instructions: 'Be brief.', input: 'Say hello', include: ['reasoning.encrypted_content'], truncation: 'auto' });
    expect(sent).not.toHaveProperty('messages');

    expect(data.object).toBe('response');
    expect(data.output_text).toBe('Native hello');
    expect(data.truncation).toBe('auto');
    expect(data.metadata).toEqual({ ticket: 'T-1' });
    const reasoning = data.output.find((item) => item.type === 'reasoning');
    expect(reasoning?.encrypted_content).toMatch(/^gAAAA/);
    expect(data.usage?.output_tokens).toBeGreaterThan(0);
    expect(costOf(data)).toBeGreaterThan(0);
    expect(costOf(data)).toBeCloseTo(Number(response.headers.get('x-litellm-response-cost')), 12);
    expect(response.headers.get('x-litellm-model-group')).toBe('gpt-4o-mini');
    expect(response.headers.get('x-litellm-model-id')).toBeTruthy();
    expect(JSON.stringify(data)).not.toContain(new URL(testProxy.upstream.url).host);
    reportedCostUsd += costOf(data);
    firstId = data.id;
  });

  it('keeps the answer: retrievable, and continued with previous_response_id as the earlier turns sent upstream', async () => {
    const stored = await client.responses.retrieve(firstId);
    expect(stored.output_text).toBe('Native hello');

    testProxy.upstream.enqueue({ reply: 'text', text: 'Second turn' });
    const second = await client.responses.create({ model: 'gpt-4o-mini', input: 'And again', previous_response_id: firstId });
    expect(second.output_text).toBe('Second turn');
    expect(lastUpstream().path).toBe('/v1/responses');
    const sent = lastUpstreamBody();
    // The proxy's stored conversation, not the upstream's: its id means nothing there.
    expect(sent).not.toHaveProperty('previous_response_id');
    const input = sent.input as { type?: string; role?: string; content?: unknown }[];
    expect(input.at(0)).toMatchObject({ role: 'user', content: 'Say hello' });
    expect(input.some((item) => item.type === 'reasoning')).toBe(true);
    expect(input.some((item) => item.type === 'message' && item.role === 'assistant')).toBe(true);
    expect(input.at(-1)).toMatchObject({ role: 'user', content: 'And again' });
    reportedCostUsd += costOf(second);
  });

  it('answers an upstream failure with an OpenAI error and books nothing for it', async () => {
    testProxy.upstream.enqueue({ reply: 'error', status: 429 });
    await expect(client.responses.create({ model: 'gpt-4o-mini', input: 'x' })).rejects.toMatchObject({ status: 429 });
    expect(lastUpstream().path).toBe('/v1/responses');
  });

  it('streams natively: the upstream events passed on, the last one carrying the booked cost, the answer stored', async () => {
    testProxy.upstream.enqueue({ reply: 'text', text: 'streamed natively' });
    const stream = await client.responses.create({ model: 'gpt-4o-mini', input: 'stream it', include: ['reasoning.encrypted_content'], stream: true });
    const types: string[] = [];
    let text = '';
    let completed: OpenAI.Responses.Response | undefined;
    for await (const event of stream) {
      types.push(event.type);
      if (event.type === 'response.output_text.delta') text += event.delta;
      if (event.type === 'response.completed') completed = event.response;
    }
    expect(lastUpstream()).toMatchObject({ path: '/v1/responses', stream: true });
    expect(lastUpstreamBody()).toMatchObject({ include: ['reasoning.encrypted_content'], stream: true });
    expect(text).toBe('streamed natively');
    expect(types[0]).toBe('response.created');
    expect(types.at(-1)).toBe('response.completed');
    // The upstream's own events: its reasoning item (translation has none to give) comes through.
    const reasoning = completed?.output.find((item) => item.type === 'reasoning');
    expect(reasoning?.encrypted_content).toMatch(/^gAAAA/);
    expect(costOf(completed ?? {})).toBeGreaterThan(0);
    reportedCostUsd += costOf(completed ?? {});

    const stored = await client.responses.retrieve(completed!.id);
    expect(stored.output_text).toBe('streamed natively');
    expect(costOf(stored)).toBe(costOf(completed ?? {}));

    testProxy.upstream.enqueue({ reply: 'text', text: 'streamed by the helper' });
    const final = await client.responses.stream({ model: 'gpt-4o-mini', input: 'again', previous_response_id: completed!.id }).finalResponse();
    expect(final.output_text).toBe('streamed by the helper');
    expect((lastUpstreamBody().input as { content?: unknown }[]).at(0)).toMatchObject({ role: 'user', content: 'stream it' });
    reportedCostUsd += costOf(final);
  });

  it('ends a native stream the upstream breaks with an error, without naming the upstream, booking what was produced', async () => {
    // Another key: what a broken stream produced is booked, but no client saw a cost for it.
    const failingKey = (await manage(testProxy, '/key/generate', { models: ['gpt-4o-mini'] })).key as string;
    const failing = new OpenAI({ apiKey: failingKey, baseURL: testProxy.baseURL, maxRetries: 0 });
    testProxy.upstream.enqueue({ reply: 'text', text: 'cut short here', disconnectAfterChunks: 5 });
    const stream = await failing.responses.create({ model: 'gpt-4o-mini', input: 'break', stream: true });
    let text = '';
    const failure = await (async () => {
      try {
        for await (const event of stream) {
          if (event.type === 'response.output_text.delta') text += event.delta;
        }
        return undefined;
      } catch (error) {
        return error;
      }
    })();
    expect(failure).toBeDefined();
    expect(text).toBe('cut');
    expect(String(failure)).not.toContain(new URL(testProxy.upstream.url).host);
    // What was produced before the break is booked (counted from the prompt and the text sent).
    const info = await manage(testProxy, `/key/info?key=${encodeURIComponent(failingKey)}`);
    expect(info.info.spend).toBeGreaterThan(0);
  });

  it('translates for a mixed group (OpenAI and Anthropic deployments): no deployment gets a Responses body', async () => {
    for (let call = 0; call < 4; call += 1) {
      testProxy.upstream.enqueue({ reply: 'text', text: `mixed ${call}` });
      const data = await client.responses.create({ model: 'mixed', input: 'hi', include: ['reasoning.encrypted_content'] });
      expect(data.output_text).toBe(`mixed ${call}`);
      expect(['/v1/chat/completions', '/v1/messages']).toContain(lastUpstream().path);
      expect(lastUpstreamBody()).not.toHaveProperty('include');
      reportedCostUsd += costOf(data);
    }
  });

  it('charged the key exactly what the answers reported', async () => {
    const info = await manage(testProxy, `/key/info?key=${encodeURIComponent(key)}`);
    expect(reportedCostUsd).toBeGreaterThan(0);
    expect(info.info.spend).toBeCloseTo(reportedCostUsd, 12);
  });
});
