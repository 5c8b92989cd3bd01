import { InternalServerError, RateLimitError } from '@tollgate/core';
import { routerMetadataOf } from '../router-metadata.js';
import { collect, createHarness, entry } from '../testing-internal/router-harness.js';

const serverError = (): InternalServerError => new InternalServerError('upstream exploded');

describe('Router.responses', () => {
  it('passes the Responses body to the deployment as is, model replaced, router fields taken out', async () => {
    const harness = createHarness({ modelList: [entry('group', 'a')] });
    const response = await harness.router.responses({
      model: 'group',
      input: 'hi',
      include: ['reasoning.encrypted_content'],
      truncation: 'auto',
      num_retries: 0,
    });

    expect(response.object).toBe('response');
    expect(response.output).toEqual([expect.objectContaining({ type: 'message', content: [expect.objectContaining({ text: 'ok from fake/a' })] })]);
    expect(harness.deployments.calls).toHaveLength(1);
    expect(harness.deployments.calls[0]).toMatchObject({ kind: 'responses', params: { model: 'fake/a', input: 'hi', include: ['reasoning.encrypted_content'], truncation: 'auto', stream: false } });
    expect(harness.deployments.calls[0]?.params).not.toHaveProperty('num_retries');
    expect(routerMetadataOf(response)).toMatchObject({ requestedModel: 'group', modelGroup: 'group', attemptedRetries: 0, attemptedFallbacks: 0 });
  });

  it('retries on another deployment and cools a rate-limited one down, as a chat call does', async () => {
    const harness = createHarness({
      modelList: [entry('g', 'a', { order: 1 }), entry('g', 'b', { order: 2 })],
      routerSettings: { num_retries: 1, cooldown_time: 5 },
      scripts: { 'fake/a': [{ error: new RateLimitError('busy') }, { reply: 'back' }] },
    });
    const first = await harness.router.responses({ model: 'g', input: 'hi' });
    expect(harness.deployments.models()).toEqual(['fake/a', 'fake/b']);
    expect(routerMetadataOf(first)).toMatchObject({ modelGroup: 'g', attemptedRetries: 1 });

    await harness.router.responses({ model: 'g', input: 'again' });
    expect(harness.deployments.models().at(-1)).toBe('fake/b');
    harness.clock.advance(5_000);
    await harness.router.responses({ model: 'g', input: 'later' });
    expect(harness.deployments.models().at(-1)).toBe('fake/a');
    expect(harness.deployments.calls.every((call) => call.kind === 'responses')).toBe(true);
  });

  it('falls back to the next group when a group fails', async () => {
    const harness = createHarness({
      modelList: [entry('primary', 'p'), entry('backup', 'b')],
      routerSettings: { num_retries: 0, fallbacks: [{ primary: ['backup'] }] },
      scripts: { 'fake/p': [{ error: serverError() }] },
    });
    const response = await harness.router.responses({ model: 'primary', input: 'hi' });
    expect(harness.deployments.models()).toEqual(['fake/p', 'fake/b']);
    expect(routerMetadataOf(response)).toMatchObject({ requestedModel: 'primary', modelGroup: 'backup', attemptedFallbacks: 1 });
  });

  it('streams the events of the deployment that answered, failing over before the first event', async () => {
    const harness = createHarness({
      modelList: [entry('g', 'a', { order: 1 }), entry('g', 'b', { order: 2 })],
      routerSettings: { num_retries: 1 },
      scripts: { 'fake/a': [{ error: new RateLimitError('busy') }], 'fake/b': [{ reply: 'one two' }] },
    });
    const stream = await harness.router.responses({ model: 'g', input: 'hi', stream: true });
    expect(routerMetadataOf(stream)).toMatchObject({ modelGroup: 'g', attemptedRetries: 1 });
    const events = await collect(stream);

    expect(harness.deployments.models()).toEqual(['fake/a', 'fake/b']);
    expect(harness.deployments.calls[1]?.params).toMatchObject({ stream: true });
    expect(events.map((event) => event.type)).toEqual(['response.created', 'response.output_text.delta', 'response.output_text.delta', 'response.completed']);
    expect(stream.tollgate?.usage?.total_tokens).toBe(15);
  });
});
