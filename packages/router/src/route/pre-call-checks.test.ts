import { ContextWindowExceededError } from '@tollgate/core';
import { routerMetadataOf } from '../router-metadata.js';
import { characterCatalogue, createHarness, entry } from '../testing-internal/router-harness.js';

// The test catalogue counts one token per character of content.
const prompt = (tokens: number) => ({ model: 'g', messages: [{ role: 'user' as const, content: 'x'.repeat(tokens) }] });

describe('pre-call checks (enable_pre_call_checks)', () => {
  it('skips deployments whose context window the prompt exceeds', async () => {
    const harness = createHarness({
      modelList: [
        entry('g', 'small', { order: 1 }, { max_input_tokens: 10 }),
        entry('g', 'large', { order: 2 }, { max_input_tokens: 1000 }),
      ],
      routerSettings: { enable_pre_call_checks: true },
    });
    await harness.router.completion(prompt(50));
    await harness.router.completion(prompt(5));
    expect(harness.deployments.models()).toEqual(['fake/large', 'fake/small']);
  });

  it('takes the context window from the catalogue (by base_model) when model_info has none', async () => {
    const harness = createHarness({
      modelList: [
        entry('g', 'azure-small', { order: 1 }, { base_model: 'tiny-model' }),
        entry('g', 'large', { order: 2 }),
      ],
      routerSettings: { enable_pre_call_checks: true },
      catalogue: characterCatalogue({ 'tiny-model': { maxInputTokens: 10 } }),
    });
    await harness.router.completion(prompt(50));
    expect(harness.deployments.models()).toEqual(['fake/large']);
  });

  it('raises a context window error when no deployment fits, which context-window fallbacks catch', async () => {
    const harness = createHarness({
      modelList: [entry('g', 'small', {}, { max_input_tokens: 10 }), entry('long', 'long', {}, { max_input_tokens: 100_000 })],
      routerSettings: { enable_pre_call_checks: true, context_window_fallbacks: [{ g: ['long'] }] },
    });
    const response = await harness.router.completion(prompt(50));
    expect(harness.deployments.models()).toEqual(['fake/long']);
    expect(routerMetadataOf(response)).toMatchObject({ modelGroup: 'long', attemptedFallbacks: 1 });

    const noFallback = createHarness({
      modelList: [entry('g', 'small', {}, { max_input_tokens: 10 })],
      routerSettings: { enable_pre_call_checks: true },
    });
    const error = await noFallback.router.completion(prompt(50)).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ContextWindowExceededError);
    expect((error as Error).message).toContain('The prompt (50 tokens) exceeds the context window');
    expect(noFallback.deployments.calls).toHaveLength(0);
  });

  it('is off by default', async () => {
    const harness = createHarness({ modelList: [entry('g', 'small', {}, { max_input_tokens: 10 })] });
    await harness.router.completion(prompt(50));
    expect(harness.deployments.models()).toEqual(['fake/small']);
  });
});
