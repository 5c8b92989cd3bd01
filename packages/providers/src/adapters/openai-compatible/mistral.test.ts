import { AuthenticationError } from '@tollgate/core';
import { completion } from '../../completion/completion.js';
import { aggregateChunks, collect } from '../../testing-internal/aggregate-chunks.js';
import { jsonReply, sseReply } from '../../testing-internal/fixtures.js';
import { startReplayServer, type ReplayServer } from '@tollgate/testing';
import { mistralToolCallId } from './quirks/mistral-quirks.js';

const FIXTURES = `${__dirname}/__fixtures__/mistral`;
let server: ReplayServer;
beforeEach(async () => {
  server = await startReplayServer();
});
afterEach(async () => {
  await server.close();
});

const base = (model = 'mistral/mistral-small-latest') => ({
  model,
  messages: [{ role: 'user' as const, content: 'Weather and time in Paris?' }],
});
const options = () => ({ apiKey: 'mistral-test', apiBase: `${server.url}/v1` });

describe('mistral (OpenAI-compatible row)', () => {
  it('turns magistral content blocks into content and reasoning_content', async () => {
    server.enqueue(jsonReply(FIXTURES, 'chat-reasoning.json'));
    const result = await completion(base('mistral/magistral-small-2509'), options());
    expect(result.choices[0]?.message).toMatchObject({ content: '3 + 4 = 7', reasoning_content: '3 + 4 is 7.' });
    // Mistral reports no cache or reasoning detail: both are present as 0.
    expect(result.usage).toMatchObject({ prompt_tokens_details: { cached_tokens: 0 }, completion_tokens_details: { reasoning_tokens: 0 } });
  });

  it('adds the missing `type` to tool calls', async () => {
    server.enqueue(jsonReply(FIXTURES, 'chat-tool-call.json'));
    const result = await completion(base(), options());
    expect(result.choices[0]?.message.tool_calls).toEqual([
      { id: 'Tg7Mst001', type: 'function', function: { name: 'get_weather', arguments: '{"city": "Paris"}' } },
      { id: 'Tg7Mst002', type: 'function', function: { name: 'get_time', arguments: '{"zone": "Europe/Paris"}' } },
    ]);
  });

  it('gives index-less streamed tool calls their own indexes and sends no stream_options', async () => {
    server.enqueue(sseReply(FIXTURES, 'stream-tool-call.sse.txt', { split: { randomSeed: 3, maxPieceBytes: 9 } }));
    const chunks = await collect(await completion({ ...base(), stream: true, stream_options: { include_usage: true } }, options()));
    expect(server.requests[0]?.body).not.toHaveProperty('stream_options');
    const aggregated = aggregateChunks(chunks);
    expect(aggregated.choices[0]?.tool_calls).toEqual([
      { id: 'Tg7Mst003', type: 'function', function: { name: 'get_weather', arguments: '{"city": "Paris"}' } },
      { id: 'Tg7Mst004', type: 'function', function: { name: 'get_time', arguments: '{"zone": "Europe/Paris"}' } },
    ]);
    expect(aggregated.usage).toMatchObject({ prompt_tokens: 100, completion_tokens: 30 });
  });

  it('rewrites foreign tool-call ids to 9 alphanumerics, consistently, and renames seed and tool_choice', async () => {
    server.enqueue(jsonReply(FIXTURES, 'chat-tool-call.json'));
    await completion({
      ...base(),
      seed: 7,
      tool_choice: 'required',
      tools: [{ type: 'function', function: { name: 'get_weather' } }],
      messages: [
        { role: 'user', content: 'Weather?' },
        { role: 'assistant', content: null, tool_calls: [{ id: 'call_abc_from_openai', type: 'function', function: { name: 'get_weather', arguments: '{}' } }] },
        { role: 'tool', tool_call_id: 'call_abc_from_openai', content: 'sunny' },
      ],
    }, options());
    const body = server.requests[0]?.body as { messages: { tool_calls?: { id: string }[]; tool_call_id?: string }[] };
    const mapped = mistralToolCallId('call_abc_from_openai');
    expect(mapped).toMatch(/^[a-zA-Z0-9]{9}$/);
    expect(body.messages[1]?.tool_calls?.[0]?.id).toBe(mapped);
    expect(body.messages[2]?.tool_call_id).toBe(mapped);
    expect(body).toMatchObject({ random_seed: 7, tool_choice: 'any' });
    expect(body).not.toHaveProperty('seed');
  });

  it('maps {"detail":"Unauthorized"} to AuthenticationError', async () => {
    server.enqueue(jsonReply(FIXTURES, 'error-401-unauthorized.json', { status: 401 }));
    const error = await completion(base(), options()).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect((error as Error).message).toContain('Unauthorized');
  });
});
