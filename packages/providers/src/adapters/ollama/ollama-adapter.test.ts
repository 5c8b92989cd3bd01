import { NotFoundError } from '@tollgate/core';
import { completion } from '../../completion/completion.js';
import { embedding } from '../../completion/embedding.js';
import { collect } from '../../testing-internal/aggregate-chunks.js';
import { jsonReply, readFixture } from '../../testing-internal/fixtures.js';
import { startReplayServer, type ReplayServer } from '@tollgate/testing';
import { aggregateChunks } from '../../testing-internal/native-adapter-test-kit.js';

// End to end through `completion()`/`embedding()`, the shared transport and a local server replaying fixtures.
const FIXTURES = `${__dirname}/__fixtures__`;
const messages = [{ role: 'user' as const, content: 'Why is the sky blue?' }];

let server: ReplayServer;
beforeEach(async () => {
  server = await startReplayServer();
});
afterEach(async () => {
  await server.close();
});

describe('ollama adapter over HTTP', () => {
  it('needs no key, sends stream:false and returns an OpenAI completion', async () => {
    server.enqueue(jsonReply(FIXTURES, 'chat-basic.json'));
    const result = await completion({ model: 'ollama/llama3.2', messages, max_tokens: 64 }, { apiBase: server.url });
    const [request] = server.requests;
    expect(request?.url).toBe('/api/chat');
    expect(request?.headers['authorization']).toBeUndefined();
    expect(request?.body).toEqual({ model: 'llama3.2', messages, stream: false, options: { num_predict: 64 } });
    expect(result.choices[0]).toMatchObject({ message: { content: 'The sky looks blue because air scatters short wavelengths most.' }, finish_reason: 'stop' });
    expect(result.usage).toMatchObject({ prompt_tokens: 31, completion_tokens: 14 });
  });

  it('streams NDJSON cut at random offsets', async () => {
    server.enqueue({
      status: 200,
      headers: { 'content-type': 'application/x-ndjson' },
      body: readFixture(FIXTURES, 'stream-text.ndjson'),
      split: { randomSeed: 5, maxPieceBytes: 11 },
    });
    const stream = await completion({
      model: 'ollama/qwen3',
      messages,
      reasoning_effort: 'low',
      stream: true,
      stream_options: { include_usage: true },
    }, { apiBase: server.url });
    const chunks = await collect(stream);
    expect(server.requests[0]?.body).toMatchObject({ stream: true, think: true });
    expect(aggregateChunks(chunks).choices[0]?.message).toMatchObject({ content: 'Olá! Tudo bem? 🙂', reasoning_content: 'The user greets in Portuguese.' });
    expect(chunks.at(-1)).toMatchObject({ choices: [], usage: { prompt_tokens: 19, completion_tokens: 24 } });
  });

  it('maps 404 model-not-found to NotFoundError', async () => {
    server.enqueue(jsonReply(FIXTURES, 'error-404-model-not-found.json', { status: 404 }));
    await expect(completion({ model: 'ollama/llama9', messages }, { apiBase: server.url })).rejects.toBeInstanceOf(NotFoundError);
  });

  it('embeds through /api/embed', async () => {
    server.enqueue(jsonReply(FIXTURES, 'embeddings.json'));
    const result = await embedding({ model: 'ollama/nomic-embed-text', input: ['first text', 'second text'] }, { apiBase: server.url });
    expect(server.requests[0]?.url).toBe('/api/embed');
    expect(server.requests[0]?.body).toEqual({ model: 'nomic-embed-text', input: ['first text', 'second text'] });
    expect(result).toMatchObject({
      model: 'nomic-embed-text',
      data: [
        { object: 'embedding', index: 0, embedding: [0.101, -0.202, 0.303] },
        { object: 'embedding', index: 1, embedding: [-0.404, 0.505, -0.606] },
      ],
      usage: { prompt_tokens: 6, total_tokens: 6 },
    });
  });
});
