import { ContextWindowExceededError, TollgateError } from '@tollgate/core';
import { completion } from '../../completion/completion.js';
import { aggregateChunks, collect } from '../../testing-internal/aggregate-chunks.js';
import { jsonReply, sseReply } from '../../testing-internal/fixtures.js';
import { startReplayServer, type ReplayServer } from '@tollgate/testing';

const FIXTURES = `${__dirname}/__fixtures__/deepseek`;
let server: ReplayServer;
beforeEach(async () => {
  server = await startReplayServer();
});
afterEach(async () => {
  await server.close();
});

const base = () => ({
  model: 'deepseek/deepseek-reasoner',
  messages: [{ role: 'user' as const, content: '17 × 23?' }],
});
const options = () => ({ apiKey: 'ds-test', apiBase: server.url });

describe('deepseek (OpenAI-compatible row)', () => {
  it('returns reasoning_content and reads cache hits from prompt_cache_hit_tokens', async () => {
    server.enqueue(jsonReply(FIXTURES, 'chat-reasoning.json'));
    const result = await completion(base(), options());
    expect(server.requests[0]?.url).toBe('/chat/completions');
    expect(server.requests[0]?.headers['authorization']).toBe('Bearer ds-test');
    expect(result.choices[0]?.message).toMatchObject({
      content: '17 × 23 = 391.',
      reasoning_content: '17 × 20 = 340, 17 × 3 = 51, total 391.',
    });
    expect(result.usage).toMatchObject({
      prompt_tokens: 40,
      completion_tokens: 120,
      prompt_tokens_details: { cached_tokens: 32 },
      completion_tokens_details: { reasoning_tokens: 96 },
    });
  });

  it('streams reasoning then content, through keep-alive comments and any byte split', async () => {
    for (const seed of [11, 12, 13, 14]) {
      server.enqueue(sseReply(FIXTURES, 'stream-reasoning.sse.txt', { split: { randomSeed: seed, maxPieceBytes: 5 } }));
      const chunks = await collect(await completion({ ...base(), stream: true, stream_options: { include_usage: true } }, options()));
      const aggregated = aggregateChunks(chunks);
      expect(aggregated.choices[0]).toMatchObject({ reasoning_content: '17 × 23 is 391.', content: '17 × 23 = 391.', finish_reason: 'stop' });
      expect(aggregated.usage).toMatchObject({ prompt_tokens_details: { cached_tokens: 32 }, completion_tokens_details: { reasoning_tokens: 14 } });
      expect(aggregated.usageChunkCount).toBe(1);
    }
  });

  it('recognises a context-window error by its message (DeepSeek sends no specific code)', async () => {
    server.enqueue(jsonReply(FIXTURES, 'error-400-context-length.json', { status: 400 }));
    const error = await completion(base(), options()).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ContextWindowExceededError);
  });

  it('maps 402 insufficient balance to a non-retryable error carrying the status', async () => {
    server.enqueue(jsonReply(FIXTURES, 'error-402-insufficient-balance.json', { status: 402 }));
    const error = (await completion(base(), options()).catch((caught: unknown) => caught)) as TollgateError;
    expect(TollgateError.isInstance(error)).toBe(true);
    expect(error.status).toBe(402);
    expect(error.isRetryable).toBe(false);
  });
});
