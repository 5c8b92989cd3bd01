import { AuthenticationError, RateLimitError } from '@tollgate/core';
import { completion } from '../../completion/completion.js';
import { embedding } from '../../completion/embedding.js';
import { collect } from '../../testing-internal/aggregate-chunks.js';
import { jsonReply, sseReply } from '../../testing-internal/fixtures.js';
import { startReplayServer, type ReplayServer } from '@tollgate/testing';
import { aggregateChunks } from '../../testing-internal/native-adapter-test-kit.js';

// End to end through `completion()`/`embedding()`, the shared transport and a local server replaying fixtures.
const FIXTURES = `${__dirname}/__fixtures__`;
const messages = [{ role: 'user' as const, content: 'Capital of Portugal?' }];

let server: ReplayServer;
beforeEach(async () => {
  server = await startReplayServer();
});
afterEach(async () => {
  await server.close();
});

describe('cohere adapter over HTTP', () => {
  it('posts /v2/chat with a Bearer key and returns an OpenAI completion', async () => {
    server.enqueue(jsonReply(FIXTURES, 'chat-basic.json'));
    const result = await completion({ model: 'cohere/command-a-03-2025', messages, max_tokens: 50 }, { apiKey: 'co-test', apiBase: server.url });
    const [request] = server.requests;
    expect(request?.url).toBe('/v2/chat');
    expect(request?.headers['authorization']).toBe('Bearer co-test');
    expect(request?.body).toEqual({ model: 'command-a-03-2025', messages, max_tokens: 50 });
    expect(result.choices[0]).toMatchObject({ message: { content: 'Lisbon is the capital of Portugal.' }, finish_reason: 'stop' });
    expect(result.usage).toMatchObject({ prompt_tokens: 498, completion_tokens: 11, billed_units: { input_tokens: 9, output_tokens: 8 } });
  });

  it('streams tool calls over HTTP cut at random offsets', async () => {
    server.enqueue(sseReply(FIXTURES, 'stream-tool-call.sse.txt', { split: { randomSeed: 11, maxPieceBytes: 17 } }));
    const stream = await completion({
      model: 'cohere/command-a-03-2025',
      messages,
      stream: true,
      stream_options: { include_usage: true },
    }, { apiKey: 'co-test', apiBase: server.url });
    const chunks = await collect(stream);
    expect(server.requests[0]?.body).toMatchObject({ stream: true });
    const aggregate = aggregateChunks(chunks);
    expect(aggregate.choices[0]?.message.tool_calls?.map((call) => call.function.name)).toEqual(['get_forecast', 'museums']);
    expect(aggregate.choices[0]?.finish_reason).toBe('tool_calls');
    expect(chunks.at(-1)).toMatchObject({ choices: [], usage: { prompt_tokens: 1480, completion_tokens: 88 } });
  });

  it('maps 401 and 429 answers', async () => {
    server.enqueue(
      jsonReply(FIXTURES, 'error-401-invalid-token.json', { status: 401 }),
      jsonReply(FIXTURES, 'error-429-rate-limit.json', { status: 429 }),
    );
    const call = () => completion({ model: 'cohere/command-a-03-2025', messages }, { apiKey: 'co-test', apiBase: server.url });
    await expect(call()).rejects.toBeInstanceOf(AuthenticationError);
    await expect(call()).rejects.toBeInstanceOf(RateLimitError);
  });

  it('embeds through /v2/embed with an input_type', async () => {
    server.enqueue(jsonReply(FIXTURES, 'embeddings.json'));
    const result = await embedding({
      model: 'cohere/embed-v4.0',
      input: ['first text', 'second text'],
      input_type: 'search_query',
    }, { apiKey: 'co-test', apiBase: server.url });
    expect(server.requests[0]?.url).toBe('/v2/embed');
    expect(server.requests[0]?.body).toEqual({
      model: 'embed-v4.0',
      texts: ['first text', 'second text'],
      input_type: 'search_query',
      embedding_types: ['float'],
    });
    expect(result).toMatchObject({
      data: [
        { object: 'embedding', index: 0, embedding: [0.011, -0.022, 0.033] },
        { object: 'embedding', index: 1, embedding: [-0.044, 0.055, -0.066] },
      ],
      usage: { prompt_tokens: 4, total_tokens: 4 },
    });
  });
});
