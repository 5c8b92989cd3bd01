import type { ChatMessage } from '@tollgate/core';
import { ModelCatalogue } from '../catalogue/model-catalogue.js';
import { callWorstCase, measurePromptTokens, worstCaseParamsOf, type CallWorstCaseOptions } from './call-worst-case.js';

const messages: ChatMessage[] = [{ role: 'user', content: 'hi' }];

/* Bundled gpt-4o-mini: 150 nano-USD per input token, 600 per output token, 16,384 output tokens. gpt-4o: 2,500 / 10,000. */
function catalogue(): ModelCatalogue {
  const result = new ModelCatalogue();
  result.registerModel('test/no-limit', { input_cost_per_token: 0.000001, output_cost_per_token: 0.000002 });
  result.registerModel('test/reasoning', {
    input_cost_per_token: 0.000001,
    output_cost_per_token: 0.000002,
    output_cost_per_reasoning_token: 0.000005,
    max_output_tokens: 1000,
  });
  result.registerModel('test/window-only', { input_cost_per_token: 0.000001, output_cost_per_token: 0.000002, max_input_tokens: 5000 });
  return result;
}

describe('callWorstCase', () => {
  const models = catalogue();
  const call = (overrides: Partial<CallWorstCaseOptions>): CallWorstCaseOptions => ({
    catalogue: models,
    pricingModels: ['gpt-4o-mini'],
    prompt: { messages },
    maxOutputTokens: undefined,
    choices: 1,
    ...overrides,
  });

  it('reserves every choice: n=50 reserves 50 times the output of n=1', () => {
    const one = callWorstCase(call({ maxOutputTokens: 100 }));
    const fifty = callWorstCase(call({ maxOutputTokens: 100, choices: 50 }));
    // gpt-4o-mini: 8 prompt tokens × 150 + output × 600 nano-USD.
    expect(one).toMatchObject({ promptTokens: 8, maxOutputTokens: 100, costNanoUsd: 8 * 150 + 100 * 600 });
    expect(fifty).toMatchObject({ maxOutputTokens: 5_000, costNanoUsd: 8 * 150 + 5_000 * 600 });
  });

  it("takes the model's output limit when the request sets none, at the dearest deployment", () => {
    const worst = callWorstCase(call({ pricingModels: ['gpt-4o-mini', 'gpt-4o'] }));
    expect(worst.maxOutputTokens).toBe(16_384);
    expect(worst.costNanoUsd).toBe(8 * 2_500 + 16_384 * 10_000);
    expect(worst.dearest?.model).toBe('gpt-4o');
    expect(worst.unbounded).toEqual([]);
  });

  it('says so, instead of assuming 4,096 tokens, when a priced model has no output limit', () => {
    const worst = callWorstCase(call({ pricingModels: ['test/no-limit'] }));
    expect(worst.costNanoUsd).toBe(0);
    expect(worst.unbounded).toHaveLength(1);
    expect(worst.unbounded[0]?.message).toMatch(/no output limit is known for "test\/no-limit".*send max_tokens/);
    expect(callWorstCase(call({ pricingModels: ['test/no-limit'], maxOutputTokens: 10 })).unbounded).toEqual([]);
  });

  it('prices the output at the reasoning rate when it is dearer, and stops at the context window', () => {
    // Not an OpenAI model: 8 counted prompt tokens are an estimate, bounded at 10 (+25 %).
    // 10 prompt tokens × 1,000 + 1,000 output tokens × 5,000 (reasoning) nano-USD
    const reasoning = callWorstCase(call({ pricingModels: ['test/reasoning'] }));
    expect(reasoning).toMatchObject({ promptTokens: 10, maxOutputTokens: 1_000, costNanoUsd: 10_000 + 5_000_000 });
    const window = callWorstCase(call({ pricingModels: ['test/window-only'] }));
    expect(window.dearest).toMatchObject({ outputTokensPerChoice: 5_000 - 10, outputLimitSource: 'context_window' });
    expect(window.costNanoUsd).toBe(10 * 1_000 + (5_000 - 10) * 2_000);
  });

  it('lists unpriced models as unbounded and reserves nothing for them', () => {
    const worst = callWorstCase(call({ pricingModels: ['nobody/knows-this-model'], maxOutputTokens: 100 }));
    expect(worst).toMatchObject({ costNanoUsd: 0, dearest: undefined, maxOutputTokens: 100 });
    expect(worst.unbounded.map((bound) => bound.reason)).toEqual(['unpriced']);
  });

  it('gives an embedding request (a text prompt) no output', () => {
    const worst = callWorstCase(call({ prompt: { text: 'hello world' }, maxOutputTokens: 100 }));
    expect(worst.maxOutputTokens).toBe(0);
    expect(worst.costNanoUsd).toBe(worst.promptTokens * 150);
  });

  it('bounds the prompt without a tokenizer on request, never below the count', () => {
    const counted = callWorstCase(call({ maxOutputTokens: 0 }));
    const bound = callWorstCase(call({ maxOutputTokens: 0, promptMeasure: 'upper-bound' }));
    expect(bound.promptTokens).toBeGreaterThanOrEqual(counted.promptTokens);
    expect(bound.costNanoUsd).toBe(bound.promptTokens * 150);
    expect(measurePromptTokens({ model: 'gpt-4o-mini', prompt: { messages }, measure: 'counted' })).toEqual({ tokens: 8, estimated: false });
  });

  it('reads a cache-writing prompt from its cache_control marks', () => {
    const caching = catalogue();
    caching.registerModel('test/cache', { input_cost_per_token: 0.000001, output_cost_per_token: 0.000002, cache_creation_input_token_cost: 0.000003, max_output_tokens: 10 });
    const marked: ChatMessage[] = [{ role: 'user', content: [{ type: 'text', text: 'hi', cache_control: { type: 'ephemeral' } }] }];
    const plain = callWorstCase({ catalogue: caching, pricingModels: ['test/cache'], prompt: { messages }, maxOutputTokens: 0 });
    const writing = callWorstCase({ catalogue: caching, pricingModels: ['test/cache'], prompt: { messages: marked }, maxOutputTokens: 0 });
    expect(writing.costNanoUsd).toBe(writing.promptTokens * 3_000);
    expect(plain.costNanoUsd).toBe(plain.promptTokens * 1_000);
  });
});

describe('worstCaseParamsOf', () => {
  it('reads max_completion_tokens before max_tokens, and the larger of n and best_of', () => {
    expect(worstCaseParamsOf({ max_tokens: 50, max_completion_tokens: 20, n: 2, best_of: 3, messages })).toEqual({ maxOutputTokens: 20, choices: 3, writesCache: false });
    expect(worstCaseParamsOf({ max_tokens: 50 })).toEqual({ maxOutputTokens: 50, choices: 1, writesCache: false });
    expect(worstCaseParamsOf({ max_tokens: null, n: 'many' })).toEqual({ maxOutputTokens: undefined, choices: 1, writesCache: false });
    expect(worstCaseParamsOf({ tools: [{ type: 'function', function: { name: 'f' }, cache_control: { type: 'ephemeral' } }] }).writesCache).toBe(true);
  });
});
