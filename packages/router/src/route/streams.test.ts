import { InternalServerError, ServiceUnavailableError, TimeoutError, type ChatCompletionChunk } from '@tollgate/core';
import { routerMetadataOf } from '../router-metadata.js';
import { chat, collect, createHarness, entry } from '../testing-internal/router-harness.js';

const preferA = [entry('g', 'a', { order: 1 }), entry('g', 'b', { order: 2 })];

function text(chunks: readonly ChatCompletionChunk[]): string {
  return chunks.map((chunk) => chunk.choices[0]?.delta.content ?? '').join('');
}

describe('streams', () => {
  it('fails over when the deployment fails before its first chunk', async () => {
    const harness = createHarness({
      modelList: preferA,
      scripts: {
        'fake/a': [{ reply: 'never sent', failAfterChunks: 0, streamError: new ServiceUnavailableError('overloaded') }],
        'fake/b': [{ reply: 'hello from b' }],
      },
    });
    const stream = await harness.router.completion(chat('g', { stream: true }));
    expect(routerMetadataOf(stream)).toMatchObject({ modelGroup: 'g', model: 'fake/b', attemptedRetries: 1 });
    expect(text(await collect(stream))).toBe('hello from b');
    expect(harness.deployments.models()).toEqual(['fake/a', 'fake/b']);
  });

  it('fails over when the call itself fails', async () => {
    const harness = createHarness({
      modelList: preferA,
      scripts: { 'fake/a': [{ error: new InternalServerError('down') }] },
    });
    const stream = await harness.router.completion(chat('g', { stream: true }));
    expect(text(await collect(stream))).toBe('ok from fake/b');
  });

  it('surfaces an error after the first chunk to the caller without failing over', async () => {
    const harness = createHarness({
      modelList: preferA,
      routerSettings: { num_retries: 3 },
      scripts: {
        'fake/a': [{ reply: 'one two three', failAfterChunks: 2, streamError: new InternalServerError('cut off') }],
      },
    });
    const stream = await harness.router.completion(chat('g', { stream: true }));
    const received: ChatCompletionChunk[] = [];
    await expect(
      (async () => {
        for await (const chunk of stream) received.push(chunk);
      })(),
    ).rejects.toThrow('cut off');
    expect(text(received)).toBe('one two ');
    expect(harness.deployments.models()).toEqual(['fake/a']);
  });

  it('fails over when the first chunk does not arrive within stream_timeout', async () => {
    const harness = createHarness({
      modelList: preferA,
      routerSettings: { stream_timeout: 0.05, timeout: 60 },
      scripts: { 'fake/a': [{ hang: true }] },
    });
    const stream = await harness.router.completion(chat('g', { stream: true }));
    expect(text(await collect(stream))).toBe('ok from fake/b');
    expect(harness.deployments.calls[0]?.timeoutMs).toBe(50);
  });

  it('reports the last error when every deployment fails before streaming', async () => {
    const harness = createHarness({
      modelList: preferA,
      routerSettings: { num_retries: 1, stream_timeout: 0.02 },
      scripts: { 'fake/a': [{ hang: true }], 'fake/b': [{ hang: true }] },
    });
    await expect(harness.router.completion(chat('g', { stream: true }))).rejects.toBeInstanceOf(TimeoutError);
  });

  it('records the tokens of the usage chunk and ends the in-flight count', async () => {
    const harness = createHarness({
      modelList: [entry('g', 'a')],
      scripts: { 'fake/a': [{ reply: 'hi there', usage: { prompt_tokens: 7, completion_tokens: 4 } }] },
    });
    const stream = await harness.router.completion(chat('g', { stream: true }));
    const id = routerMetadataOf(stream)?.modelId ?? '';
    expect((await harness.store.getStates([id], { nowMs: harness.clock.now() })).get(id)?.inFlight).toBe(1);
    await collect(stream);
    const state = (await harness.store.getStates([id], { nowMs: harness.clock.now() })).get(id);
    expect(state).toMatchObject({ inFlight: 0, requestsThisMinute: 1, tokensThisMinute: 11 });
    expect(state?.firstChunkLatencies).toHaveLength(1);
  });
});
