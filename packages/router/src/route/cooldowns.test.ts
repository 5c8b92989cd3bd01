import { AuthenticationError, BadRequestError, InternalServerError, NotFoundError, ProviderError, RateLimitError } from '@tollgate/core';
import { chat, createHarness, entry } from '../testing-internal/router-harness.js';

/** a is preferred (order 1) whenever it is available; b (order 2) serves while a cools down. */
const preferA = [entry('g', 'a', { order: 1 }), entry('g', 'b', { order: 2 })];

async function servedBy(harness: ReturnType<typeof createHarness>): Promise<string | undefined> {
  await harness.router.completion(chat('g'));
  return harness.deployments.models().at(-1);
}

describe('cooldowns', () => {
  it('cools a deployment down for cooldown_time after a 429, and uses it again when that has passed', async () => {
    const harness = createHarness({
      modelList: preferA,
      routerSettings: { cooldown_time: 5 },
      scripts: { 'fake/a': [{ error: new RateLimitError('busy') }, { reply: 'back' }] },
    });
    expect(await servedBy(harness)).toBe('fake/b');
    expect(harness.deployments.models()).toEqual(['fake/a', 'fake/b']);

    harness.clock.advance(4_999);
    expect(await servedBy(harness)).toBe('fake/b');
    harness.clock.advance(1);
    expect(await servedBy(harness)).toBe('fake/a');
  });

  it('cools down for the provider’s retry-after when it is longer than cooldown_time', async () => {
    const harness = createHarness({
      modelList: preferA,
      routerSettings: { cooldown_time: 5 },
      scripts: { 'fake/a': [{ error: new RateLimitError('busy', { retryAfterSeconds: 20 }) }, { reply: 'back' }] },
    });
    await servedBy(harness);
    harness.clock.advance(19_000);
    expect(await servedBy(harness)).toBe('fake/b');
    harness.clock.advance(1_000);
    expect(await servedBy(harness)).toBe('fake/a');
  });

  it.each([
    ['401', new AuthenticationError('bad key')],
    ['404', new NotFoundError('no such model')],
  ])('cools a deployment down at once after a %s', async (_, error) => {
    const harness = createHarness({ modelList: preferA, scripts: { 'fake/a': [{ error }, { reply: 'back' }] } });
    await servedBy(harness);
    expect(await servedBy(harness)).toBe('fake/b');
  });

  it('cools a deployment down after more than allowed_fails failures in a minute', async () => {
    const harness = createHarness({
      modelList: preferA,
      routerSettings: { allowed_fails: 2, num_retries: 1 },
      scripts: { 'fake/a': [{ error: new InternalServerError('boom') }] },
    });
    // Each request fails on a and is retried on b; a stays first choice until its third failure.
    for (let index = 0; index < 3; index += 1) await servedBy(harness);
    expect(harness.deployments.models()).toEqual(['fake/a', 'fake/b', 'fake/a', 'fake/b', 'fake/a', 'fake/b']);
    await servedBy(harness);
    expect(harness.deployments.models().slice(6)).toEqual(['fake/b']);
  });

  it('forgets failures of an earlier minute', async () => {
    const harness = createHarness({
      modelList: preferA,
      routerSettings: { allowed_fails: 1, num_retries: 1 },
      scripts: {
        'fake/a': [{ error: new InternalServerError('boom') }, { error: new InternalServerError('boom') }, { reply: 'ok' }],
      },
    });
    await servedBy(harness);
    harness.clock.advance(60_000);
    await servedBy(harness);
    // The second failure came in a new minute, so it is the first of that minute: a is not cooling down.
    expect(await servedBy(harness)).toBe('fake/a');
  });

  it('does not cool a deployment down for a fault of the request', async () => {
    const harness = createHarness({
      modelList: preferA,
      routerSettings: { allowed_fails: 0 },
      scripts: { 'fake/a': [{ error: new BadRequestError('bad') }, { reply: 'ok' }] },
    });
    await harness.router.completion(chat('g')).catch(() => undefined);
    expect(await servedBy(harness)).toBe('fake/a');
  });

  it('does not cool a deployment down, retry or fall back for a local error (thrown while building the request)', async () => {
    const local = new RangeError('Maximum call stack size exceeded');
    const harness = createHarness({
      modelList: [...preferA, entry('spare', 's')],
      routerSettings: { allowed_fails: 0, num_retries: 2, fallbacks: [{ g: ['spare'] }] },
      scripts: { 'fake/a': [{ error: local }, { error: local }, { error: local }, { error: local }, { error: local }, { reply: 'ok' }] },
    });
    for (let index = 0; index < 5; index += 1) {
      const error = await harness.router.completion(chat('g')).catch((caught: unknown) => caught);
      expect(error).toBe(local);
    }
    expect(harness.deployments.models()).toEqual(['fake/a', 'fake/a', 'fake/a', 'fake/a', 'fake/a']);
    expect(await servedBy(harness)).toBe('fake/a');
  });

  it('still cools a deployment down for a refused connection (status 0) or a 5xx', async () => {
    const harness = createHarness({
      modelList: preferA,
      routerSettings: { allowed_fails: 0, num_retries: 1 },
      scripts: { 'fake/a': [{ error: new ProviderError('connection refused', { upstreamStatus: 0 }) }, { reply: 'ok' }] },
    });
    await servedBy(harness);
    expect(await servedBy(harness)).toBe('fake/b');
  });

  it("does not cool a deployment down for failures of a call made with the caller's own credentials", async () => {
    const harness = createHarness({
      modelList: preferA,
      routerSettings: { allowed_fails: 0, num_retries: 0 },
      scripts: {
        'fake/a': [
          { error: new AuthenticationError('their key is wrong') },
          { error: new ProviderError('their server is down', { upstreamStatus: 0 }) },
          { reply: 'ok' },
        ],
      },
    });
    const credentials = { apiKey: 'sk-theirs', apiBase: 'http://their.example/v1' };
    await expect(harness.router.completion(chat('g'), { credentials })).rejects.toBeInstanceOf(AuthenticationError);
    await expect(harness.router.completion(chat('g'), { credentials })).rejects.toBeInstanceOf(ProviderError);
    expect(await servedBy(harness)).toBe('fake/a');
  });

  it('answers 429 with the time to retry while every deployment cools down', async () => {
    const harness = createHarness({
      modelList: [entry('g', 'a'), entry('g', 'b')],
      routerSettings: { cooldown_time: 5 },
      scripts: {
        'fake/a': [{ error: new RateLimitError('busy') }, { reply: 'ok' }],
        'fake/b': [{ error: new RateLimitError('busy') }, { reply: 'ok' }],
      },
    });
    await expect(harness.router.completion(chat('g'))).rejects.toBeInstanceOf(RateLimitError);
    expect(harness.deployments.calls).toHaveLength(2);

    harness.clock.advance(2_000);
    const error = await harness.router.completion(chat('g')).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).status).toBe(429);
    expect((error as RateLimitError).retryAfterSeconds).toBe(3);
    expect((error as RateLimitError).message).toMatch(
      /^No deployments available for selected model, Try again in 3 seconds\. Passed model=g\./,
    );
    expect((error as RateLimitError).message).toContain('2 cooling down');
    expect(harness.deployments.calls).toHaveLength(2);

    harness.clock.advance(3_000);
    await expect(harness.router.completion(chat('g'))).resolves.toMatchObject({ object: 'chat.completion' });
  });

  it('falls back to another group while every deployment cools down', async () => {
    const harness = createHarness({
      modelList: [entry('g', 'a'), entry('g', 'b'), entry('spare', 's')],
      routerSettings: { fallbacks: [{ g: ['spare'] }] },
      scripts: { 'fake/a': [{ error: new RateLimitError('busy') }], 'fake/b': [{ error: new RateLimitError('busy') }] },
    });
    await harness.router.completion(chat('g'));
    await harness.router.completion(chat('g'));
    expect(harness.deployments.models()).toEqual(expect.arrayContaining(['fake/a', 'fake/b']));
    expect(harness.deployments.models().slice(2)).toEqual(['fake/s', 'fake/s']);
  });

  it('never cools down the only deployment of a group', async () => {
    const harness = createHarness({
      modelList: [entry('g', 'a')],
      routerSettings: { num_retries: 0 },
      scripts: { 'fake/a': [{ error: new RateLimitError('busy') }, { reply: 'ok' }] },
    });
    await expect(harness.router.completion(chat('g'))).rejects.toThrow('busy');
    await expect(harness.router.completion(chat('g'))).resolves.toMatchObject({ object: 'chat.completion' });
  });

  it('can be turned off with disable_cooldowns, or shortened per deployment', async () => {
    const disabled = createHarness({
      modelList: preferA,
      routerSettings: { disable_cooldowns: true },
      scripts: { 'fake/a': [{ error: new RateLimitError('busy') }, { reply: 'ok' }] },
    });
    await servedBy(disabled);
    expect(await servedBy(disabled)).toBe('fake/a');

    const short = createHarness({
      modelList: [entry('g', 'a', { order: 1, cooldown_time: 1 }), entry('g', 'b', { order: 2 })],
      routerSettings: { cooldown_time: 60 },
      scripts: { 'fake/a': [{ error: new RateLimitError('busy') }, { reply: 'ok' }] },
    });
    await servedBy(short);
    short.clock.advance(1_000);
    expect(await servedBy(short)).toBe('fake/a');
  });
});

describe('priority tiers (order)', () => {
  it('uses the lowest order while any of its deployments is available', async () => {
    const harness = createHarness({
      modelList: [
        entry('g', 'backup', { order: 2 }),
        entry('g', 'main-1', { order: 1 }),
        entry('g', 'main-2', { order: 1 }),
        entry('g', 'unordered'),
      ],
    });
    for (let index = 0; index < 20; index += 1) await harness.router.completion(chat('g'));
    expect(new Set(harness.deployments.models())).toEqual(new Set(['fake/main-1', 'fake/main-2']));
  });

  it('moves to the next tier only when the whole tier has failed', async () => {
    const harness = createHarness({
      modelList: [
        entry('g', 'main-1', { order: 1 }),
        entry('g', 'main-2', { order: 1 }),
        entry('g', 'backup', { order: 2 }),
        entry('g', 'last'),
      ],
      routerSettings: { num_retries: 3 },
      scripts: {
        'fake/main-1': [{ error: new InternalServerError('down') }],
        'fake/main-2': [{ error: new InternalServerError('down') }],
        'fake/backup': [{ error: new InternalServerError('down') }],
      },
    });
    await harness.router.completion(chat('g'));
    const models = harness.deployments.models();
    expect(new Set(models.slice(0, 2))).toEqual(new Set(['fake/main-1', 'fake/main-2']));
    expect(models.slice(2)).toEqual(['fake/backup', 'fake/last']);
  });

  it('uses the next tier while the first one cools down', async () => {
    const harness = createHarness({
      modelList: [entry('g', 'main', { order: 1 }), entry('g', 'backup', { order: 2 })],
      scripts: { 'fake/main': [{ error: new RateLimitError('busy') }, { reply: 'ok' }] },
    });
    await harness.router.completion(chat('g'));
    await harness.router.completion(chat('g'));
    expect(harness.deployments.models()).toEqual(['fake/main', 'fake/backup', 'fake/backup']);
  });
});
