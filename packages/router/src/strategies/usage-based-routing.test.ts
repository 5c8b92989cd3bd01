import { RateLimitError } from '@tollgate/core';
import { chat, createHarness, entry } from '../testing-internal/router-harness.js';

describe('usage-based-routing', () => {
  it('prefers the deployment that used the fewest tokens this minute', async () => {
    const harness = createHarness({
      modelList: [entry('g', 'a'), entry('g', 'b')],
      routerSettings: { routing_strategy: 'usage-based-routing' },
      scripts: {
        'fake/a': [{ reply: 'big', usage: { prompt_tokens: 100, completion_tokens: 100 } }],
        'fake/b': [{ reply: 'small', usage: { prompt_tokens: 10, completion_tokens: 10 } }],
      },
    });
    for (let index = 0; index < 6; index += 1) await harness.router.completion(chat('g'));
    // Once a has used 200 tokens, b keeps winning until its 20-token calls add up past a's total.
    const models = harness.deployments.models();
    expect(models.filter((model) => model === 'fake/b').length).toBeGreaterThanOrEqual(5);
  });

  it('keeps each deployment under its rpm, then answers 429 until the minute turns', async () => {
    const harness = createHarness({
      modelList: [entry('g', 'a', { rpm: 2 }), entry('g', 'b', { rpm: 1 })],
      routerSettings: { routing_strategy: 'usage-based-routing', num_retries: 0 },
    });
    for (let index = 0; index < 3; index += 1) await harness.router.completion(chat('g'));
    const models = harness.deployments.models();
    expect(models.filter((model) => model === 'fake/a')).toHaveLength(2);
    expect(models.filter((model) => model === 'fake/b')).toHaveLength(1);

    const error = await harness.router.completion(chat('g')).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).retryAfterSeconds).toBe(60);
    expect((error as RateLimitError).message).toContain('2 at their rpm/tpm limit');

    harness.clock.advance(60_000);
    await harness.router.completion(chat('g'));
    expect(harness.deployments.calls).toHaveLength(4);
  });

  it('keeps room under tpm for the prompt of the request', async () => {
    const harness = createHarness({
      // The test catalogue counts one token per character: a 30-character prompt does not fit a's tpm of 20.
      modelList: [entry('g', 'a', { tpm: 20 }), entry('g', 'b', { tpm: 1000 })],
      routerSettings: { routing_strategy: 'usage-based-routing' },
    });
    await harness.router.completion({ model: 'g', messages: [{ role: 'user', content: 'x'.repeat(30) }] });
    await harness.router.completion({ model: 'g', messages: [{ role: 'user', content: 'x'.repeat(30) }] });
    expect(harness.deployments.models()).toEqual(['fake/b', 'fake/b']);
  });
});
