import {
  AuthenticationError,
  BadRequestError,
  ContentPolicyViolationError,
  ContextWindowExceededError,
  InternalServerError,
  RateLimitError,
} from '@tollgate/core';
import { routerAttemptsOf, routerMetadataOf } from '../router-metadata.js';
import { chat, createHarness, entry } from '../testing-internal/router-harness.js';

const serverError = (): InternalServerError => new InternalServerError('upstream exploded');

describe('retries', () => {
  it('retries a failing group with exponential backoff, then tries its fallbacks in order', async () => {
    const harness = createHarness({
      modelList: [entry('primary', 'p'), entry('second', 's'), entry('third', 't')],
      routerSettings: { num_retries: 2, fallbacks: [{ primary: ['second', 'third'] }] },
      scripts: { 'fake/p': [{ error: serverError() }], 'fake/s': [{ error: serverError() }] },
    });
    const response = await harness.router.completion(chat('primary'));

    expect(harness.deployments.models()).toEqual(['fake/p', 'fake/p', 'fake/p', 'fake/s', 'fake/s', 'fake/s', 'fake/t']);
    expect(response.choices[0]?.message.content).toBe('ok from fake/t');
    expect(routerMetadataOf(response)).toMatchObject({
      requestedModel: 'primary',
      modelGroup: 'third',
      attemptedRetries: 4,
      attemptedFallbacks: 2,
      maxFallbacks: 5,
    });
    // Backoff: 0.5 s then 1 s per group, each shortened by at most 25 % jitter.
    expect(harness.clock.sleeps).toHaveLength(4);
    const [first, second, third, fourth] = harness.clock.sleeps as [number, number, number, number];
    for (const wait of [first, third]) expect(wait).toBeGreaterThanOrEqual(375);
    for (const wait of [first, third]) expect(wait).toBeLessThanOrEqual(500);
    for (const wait of [second, fourth]) expect(wait).toBeGreaterThanOrEqual(750);
    for (const wait of [second, fourth]) expect(wait).toBeLessThanOrEqual(1000);
  });

  it("waits the provider's retry-after before retrying", async () => {
    const harness = createHarness({
      modelList: [entry('g', 'a')],
      routerSettings: { num_retries: 1 },
      scripts: { 'fake/a': [{ error: new RateLimitError('slow down', { retryAfterSeconds: 7 }) }, { reply: 'fine' }] },
    });
    const response = await harness.router.completion(chat('g'));
    expect(response.choices[0]?.message.content).toBe('fine');
    expect(harness.clock.sleeps).toEqual([7000]);
  });

  it('never waits less than router_settings.retry_after', async () => {
    const harness = createHarness({
      modelList: [entry('g', 'a')],
      routerSettings: { num_retries: 1, retry_after: 3 },
      scripts: { 'fake/a': [{ error: serverError() }, { reply: 'fine' }] },
    });
    await harness.router.completion(chat('g'));
    expect(harness.clock.sleeps).toEqual([3000]);
  });

  it('gives up retrying when retry-after is longer than a minute, and falls back instead', async () => {
    const harness = createHarness({
      modelList: [entry('g', 'a'), entry('other', 'o')],
      routerSettings: { num_retries: 3, fallbacks: [{ g: ['other'] }] },
      scripts: { 'fake/a': [{ error: new RateLimitError('daily quota', { retryAfterSeconds: 3600 }) }] },
    });
    await harness.router.completion(chat('g'));
    expect(harness.deployments.models()).toEqual(['fake/a', 'fake/o']);
    expect(harness.clock.sleeps).toEqual([]);
  });

  it('tries another deployment at once instead of waiting, when the group has one', async () => {
    const harness = createHarness({
      modelList: [entry('g', 'a', { order: 1 }), entry('g', 'b', { order: 2 })],
      routerSettings: { num_retries: 1 },
      scripts: { 'fake/a': [{ error: serverError() }] },
    });
    await harness.router.completion(chat('g'));
    expect(harness.deployments.models()).toEqual(['fake/a', 'fake/b']);
    expect(harness.clock.sleeps).toEqual([]);
  });

  it('does not retry or fall back when the request itself is bad', async () => {
    const harness = createHarness({
      modelList: [entry('g', 'a'), entry('g', 'b'), entry('other', 'o')],
      routerSettings: { num_retries: 3, fallbacks: [{ g: ['other'] }] },
      scripts: {
        'fake/a': [{ error: new BadRequestError('bad tool schema') }],
        'fake/b': [{ error: new BadRequestError('bad tool schema') }],
      },
    });
    const error = await harness.router.completion(chat('g')).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(BadRequestError);
    expect(harness.deployments.calls).toHaveLength(1);
    expect(routerAttemptsOf(error)).toEqual({
      requestedModel: 'g',
      modelGroup: 'g',
      attemptedRetries: 0,
      attemptedFallbacks: 0,
      maxFallbacks: 5,
    });
  });

  it('moves past a deployment with bad credentials and never retries it', async () => {
    const harness = createHarness({
      modelList: [entry('g', 'a', { order: 1 }), entry('g', 'b', { order: 1 }), entry('g', 'c', { order: 2 })],
      routerSettings: { num_retries: 5 },
      scripts: {
        'fake/a': [{ error: new AuthenticationError('bad key') }],
        'fake/b': [{ error: new AuthenticationError('bad key') }],
        'fake/c': [{ error: new AuthenticationError('bad key') }],
      },
    });
    const error = await harness.router.completion(chat('g')).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect([...harness.deployments.models()].sort()).toEqual(['fake/a', 'fake/b', 'fake/c']);
    expect(harness.clock.sleeps).toEqual([]);
  });

  it('takes num_retries from the request or the call options', async () => {
    const harness = createHarness({
      modelList: [entry('g', 'a')],
      routerSettings: { num_retries: 5 },
      scripts: { 'fake/a': [{ error: serverError() }] },
    });
    await harness.router.completion(chat('g', { num_retries: 1 })).catch(() => undefined);
    expect(harness.deployments.calls).toHaveLength(2);
    await harness.router.completion(chat('g'), { numRetries: 0 }).catch(() => undefined);
    expect(harness.deployments.calls).toHaveLength(3);
  });
});

describe('fallbacks', () => {
  const failing = { 'fake/p': [{ error: serverError() }] };

  it('uses default_fallbacks for a group without its own', async () => {
    const harness = createHarness({
      modelList: [entry('primary', 'p'), entry('spare', 's')],
      routerSettings: { num_retries: 0, default_fallbacks: ['spare'] },
      scripts: failing,
    });
    const response = await harness.router.completion(chat('primary'));
    expect(routerMetadataOf(response)?.modelGroup).toBe('spare');
  });

  it('tries at most max_fallbacks groups and then throws the first group’s error', async () => {
    const harness = createHarness({
      modelList: [entry('primary', 'p'), entry('f1', 'f1'), entry('f2', 'f2'), entry('f3', 'f3')],
      routerSettings: { num_retries: 0, max_fallbacks: 2, fallbacks: [{ primary: ['f1', 'f2', 'f3'] }] },
      scripts: {
        ...failing,
        'fake/f1': [{ error: new RateLimitError('f1 busy') }],
        'fake/f2': [{ error: new RateLimitError('f2 busy') }],
      },
    });
    const error = await harness.router.completion(chat('primary')).catch((caught: unknown) => caught);
    expect((error as Error).message).toBe('upstream exploded');
    expect(harness.deployments.models()).toEqual(['fake/p', 'fake/f1', 'fake/f2']);
    expect(routerAttemptsOf(error)).toMatchObject({ attemptedFallbacks: 2, maxFallbacks: 2 });
  });

  it('honours disable_fallbacks in the request', async () => {
    const harness = createHarness({
      modelList: [entry('primary', 'p'), entry('spare', 's')],
      routerSettings: { num_retries: 0, fallbacks: [{ primary: ['spare'] }] },
      scripts: failing,
    });
    await expect(harness.router.completion(chat('primary', { disable_fallbacks: true }))).rejects.toThrow('upstream exploded');
    expect(harness.deployments.models()).toEqual(['fake/p']);
  });

  it('uses fallbacks sent in the request instead of the configured ones', async () => {
    const harness = createHarness({
      modelList: [entry('primary', 'p'), entry('spare', 's'), entry('chosen', 'c')],
      routerSettings: { num_retries: 0, fallbacks: [{ primary: ['spare'] }] },
      scripts: failing,
    });
    await harness.router.completion(chat('primary', { fallbacks: ['chosen'] as string[] }));
    expect(harness.deployments.models()).toEqual(['fake/p', 'fake/c']);
    expect(harness.deployments.calls[1]?.params).not.toHaveProperty('fallbacks');
  });

  it('mock_testing_fallbacks forces the fallback path without calling the group', async () => {
    const harness = createHarness({
      modelList: [entry('primary', 'p'), entry('spare', 's')],
      routerSettings: { fallbacks: [{ primary: ['spare'] }] },
    });
    const response = await harness.router.completion(chat('primary', { mock_testing_fallbacks: true }));
    expect(harness.deployments.models()).toEqual(['fake/s']);
    expect(harness.deployments.calls[0]?.params).not.toHaveProperty('mock_testing_fallbacks');
    expect(routerMetadataOf(response)).toMatchObject({ modelGroup: 'spare', attemptedFallbacks: 1, attemptedRetries: 0 });
  });

  it('falls back to a larger model on a context window error, skipping the generic fallbacks', async () => {
    const harness = createHarness({
      modelList: [entry('small', 'small'), entry('large', 'large'), entry('generic', 'g')],
      routerSettings: {
        num_retries: 2,
        fallbacks: [{ small: ['generic'] }],
        context_window_fallbacks: [{ small: ['large'] }],
      },
      scripts: { 'fake/small': [{ error: new ContextWindowExceededError('prompt too long') }] },
    });
    const response = await harness.router.completion(chat('small'));
    expect(harness.deployments.models()).toEqual(['fake/small', 'fake/large']);
    expect(routerMetadataOf(response)).toMatchObject({ modelGroup: 'large', attemptedRetries: 0, attemptedFallbacks: 1 });
  });

  it('falls back on a content policy refusal to content_policy_fallbacks', async () => {
    const harness = createHarness({
      modelList: [entry('strict', 'strict'), entry('lenient', 'lenient'), entry('generic', 'g')],
      routerSettings: { fallbacks: [{ strict: ['generic'] }], content_policy_fallbacks: [{ strict: ['lenient'] }] },
      scripts: { 'fake/strict': [{ error: new ContentPolicyViolationError('refused') }] },
    });
    await harness.router.completion(chat('strict'));
    expect(harness.deployments.models()).toEqual(['fake/strict', 'fake/lenient']);
  });

  it('uses the generic fallbacks for a context window error when no context_window_fallbacks are set', async () => {
    const harness = createHarness({
      modelList: [entry('small', 'small'), entry('generic', 'g')],
      routerSettings: { fallbacks: [{ small: ['generic'] }] },
    });
    await harness.router.completion(chat('small', { mock_testing_context_fallbacks: true }));
    expect(harness.deployments.models()).toEqual(['fake/g']);
  });
});
