import { BadRequestError, RateLimitError, ServiceUnavailableError, TimeoutError } from '@tollgate/core';
import { routerAttemptsOf, routerMetadataOf } from './router-metadata.js';
import { chat, collect, createHarness, entry } from './testing-internal/router-harness.js';

describe('Router', () => {
  it('lists groups and resolves aliases', async () => {
    const harness = createHarness({
      modelList: [entry('gpt-4o', 'a'), entry('gpt-4o', 'b'), entry('claude', 'c')],
      routerSettings: { model_group_alias: { gpt4: 'gpt-4o', internal: { model: 'claude', hidden: true } } },
    });
    const { router } = harness;
    expect(router.getModelGroups()).toEqual(['gpt-4o', 'claude']);
    expect(router.getModelGroupAliases()).toEqual([
      { alias: 'gpt4', modelGroup: 'gpt-4o', hidden: false },
      { alias: 'internal', modelGroup: 'claude', hidden: true },
    ]);
    expect(router.hasModelGroup('gpt4')).toBe(true);
    expect(router.hasModelGroup('nope')).toBe(false);
    expect(router.getDeployments('gpt4').map((deployment) => deployment.litellmParams.model)).toEqual(['fake/a', 'fake/b']);
    expect(router.getDeployments('nope')).toEqual([]);

    const response = await router.completion(chat('internal'));
    expect(routerMetadataOf(response)).toMatchObject({ requestedModel: 'internal', modelGroup: 'claude', model: 'fake/c' });
  });

  it("passes the caller's validation on only to deployments that add no params of their own", async () => {
    const harness = createHarness({ modelList: [entry('plain', 'a', { api_key: 'sk-a' }), entry('tuned', 'b', { temperature: 0.1 })] });
    await harness.router.completion(chat('plain'), { requestValidated: true });
    await harness.router.completion(chat('tuned'), { requestValidated: true });
    await harness.router.completion(chat('plain'));
    expect(harness.deployments.calls.map((call) => [call.model, call.requestValidated])).toEqual([
      ['fake/a', true],
      ['fake/b', false],
      ['fake/a', false],
    ]);
  });

  it('rejects an unknown model with a 400 naming `model`', async () => {
    const harness = createHarness({ modelList: [entry('g', 'a')] });
    const error = await harness.router.completion(chat('gpt-5')).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(BadRequestError);
    expect(error).toMatchObject({ param: 'model', code: 'model_not_found' });
    expect((error as Error).message).toContain('model=gpt-5');
  });

  it('reports which deployment answered', async () => {
    const harness = createHarness({
      modelList: [entry('g', 'a', { api_base: 'https://eu.example.com' }, { id: 'eu-1' })],
    });
    const response = await harness.router.completion(chat('g'));
    expect(routerMetadataOf(response)).toEqual({
      requestedModel: 'g',
      modelGroup: 'g',
      modelId: 'eu-1',
      model: 'fake/a',
      apiBase: 'https://eu.example.com',
      attemptedRetries: 0,
      attemptedFallbacks: 0,
      maxFallbacks: 5,
    });
    expect(JSON.parse(JSON.stringify(response))).not.toHaveProperty('modelId');
  });

  it("sends the caller's params over the deployment's extra litellm_params, minus the router's own", async () => {
    const harness = createHarness({
      modelList: [entry('g', 'a', { api_key: 'secret', rpm: 10, temperature: 0.1, top_p: 0.5 })],
    });
    await harness.router.completion(chat('g', { temperature: 0.9, disable_fallbacks: false, num_retries: 1 }));
    expect(harness.deployments.calls[0]?.params).toEqual({
      model: 'fake/a',
      messages: [{ role: 'user', content: 'hi' }],
      temperature: 0.9,
      top_p: 0.5,
    });
  });

  it('rejects a malformed router field with a 400 naming it', async () => {
    const harness = createHarness({ modelList: [entry('g', 'a')] });
    const params = chat('g', { fallbacks: 'other' } as Record<string, unknown>);
    const error = await harness.router.completion(params).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(BadRequestError);
    expect(error).toMatchObject({ param: 'fallbacks' });
  });

  it('routes embeddings', async () => {
    const harness = createHarness({ modelList: [entry('embed', 'e', {}, { mode: 'embedding' })] });
    const response = await harness.router.embedding({ model: 'embed', input: ['a', 'b'] });
    expect(response.data).toHaveLength(2);
    expect(harness.deployments.calls[0]).toMatchObject({ kind: 'embedding', params: { model: 'fake/e', input: ['a', 'b'] } });
    expect(routerMetadataOf(response)?.modelGroup).toBe('embed');
  });

  it('abandons an attempt that exceeds its timeout and retries elsewhere', async () => {
    const harness = createHarness({
      modelList: [entry('g', 'slow', { order: 1, timeout: 0.03 }), entry('g', 'fast', { order: 2 })],
      scripts: { 'fake/slow': [{ hang: true }] },
    });
    const response = await harness.router.completion(chat('g'));
    expect(routerMetadataOf(response)?.model).toBe('fake/fast');
    expect(harness.deployments.calls[0]?.timeoutMs).toBe(30);
  });

  it('takes the timeout from the call options over the configured ones', async () => {
    const harness = createHarness({
      modelList: [entry('g', 'slow', { timeout: 60 })],
      routerSettings: { num_retries: 0 },
      scripts: { 'fake/slow': [{ hang: true }] },
    });
    await expect(harness.router.completion(chat('g'), { timeoutMs: 20 })).rejects.toBeInstanceOf(TimeoutError);
  });

  it('stops at once when the caller aborts: no retry, no fallback', async () => {
    const harness = createHarness({
      modelList: [entry('g', 'a'), entry('other', 'o')],
      routerSettings: { num_retries: 3, fallbacks: [{ g: ['other'] }] },
      scripts: { 'fake/a': [{ hang: true }] },
    });
    const controller = new AbortController();
    const pending = harness.router.completion(chat('g'), { signal: controller.signal });
    setTimeout(() => controller.abort(new Error('client went away')), 10);
    await expect(pending).rejects.toThrow('client went away');
    expect(harness.deployments.models()).toEqual(['fake/a']);
  });

  it('skips deployments at max_parallel_requests, and answers 429 when all are', async () => {
    const harness = createHarness({
      modelList: [
        entry('g', 'a', { max_parallel_requests: 1, order: 1 }),
        entry('g', 'b', { max_parallel_requests: 1, order: 2 }),
      ],
    });
    const first = await harness.router.completion(chat('g', { stream: true }));
    const second = await harness.router.completion(chat('g', { stream: true }));
    expect(harness.deployments.models()).toEqual(['fake/a', 'fake/b']);
    const error = await harness.router.completion(chat('g')).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).message).toContain('2 at max_parallel_requests');
    await collect(first);
    await harness.router.completion(chat('g'));
    expect(harness.deployments.models()[2]).toBe('fake/a');
    await collect(second);
  });

  it('attaches the attempts to the error it throws', async () => {
    const harness = createHarness({
      modelList: [entry('g', 'a')],
      routerSettings: { num_retries: 2 },
      scripts: { 'fake/a': [{ error: new ServiceUnavailableError('down') }] },
    });
    const error = await harness.router.completion(chat('g')).catch((caught: unknown) => caught);
    expect(routerAttemptsOf(error)).toEqual({
      requestedModel: 'g',
      modelGroup: 'g',
      attemptedRetries: 2,
      attemptedFallbacks: 0,
      maxFallbacks: 5,
    });
  });

  it('refuses requests once closed', async () => {
    const harness = createHarness({ modelList: [entry('g', 'a')] });
    await harness.router.close();
    await expect(harness.router.completion(chat('g'))).rejects.toBeInstanceOf(ServiceUnavailableError);
  });
});
