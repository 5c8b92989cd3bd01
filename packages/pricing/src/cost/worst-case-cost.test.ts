import { ModelCatalogue } from '../catalogue/model-catalogue.js';
import { affordableOutputTokens } from './affordable-output-tokens.js';
import { promptWritesCache } from './prompt-writes-cache.js';
import { outputChoicesOf, worstCaseCost, type BoundedWorstCase, type WorstCaseCost } from './worst-case-cost.js';

/* Prices in USD per token: input 1e-6 (1,000 nano-USD), output 2e-6, reasoning 5e-6, cache write 3e-6. */
function catalogue(): ModelCatalogue {
  const result = new ModelCatalogue();
  result.registerModel('test/priced', {
    input_cost_per_token: 0.000001,
    output_cost_per_token: 0.000002,
    output_cost_per_reasoning_token: 0.000005,
    cache_creation_input_token_cost: 0.000003,
    max_output_tokens: 1000,
  });
  result.registerModel('test/plain', { input_cost_per_token: 0.000001, output_cost_per_token: 0.000002, max_output_tokens: 1000 });
  result.registerModel('test/window-only', { input_cost_per_token: 0.000001, output_cost_per_token: 0.000002, max_input_tokens: 5000 });
  result.registerModel('test/no-limit', { input_cost_per_token: 0.000001, output_cost_per_token: 0.000002 });
  result.registerModel('test/unpriced', { max_output_tokens: 1000 });
  return result;
}

function bounded(result: WorstCaseCost): BoundedWorstCase {
  if (!result.bounded) throw new Error(`expected a bound, got ${result.reason}: ${result.message}`);
  return result;
}

describe('worstCaseCost', () => {
  const models = catalogue();

  it('prices the output at the dearer of text and reasoning rates', () => {
    // 100 × 1,000 + 1,000 × 5,000 nano-USD (reasoning is dearer than text)
    const bound = bounded(worstCaseCost({ model: 'test/priced', catalogue: models, promptTokens: 100 }));
    expect(bound.costNanoUsd).toBe(100_000 + 5_000_000);
    expect(bound.outputLimitSource).toBe('model');
  });

  it('multiplies the output by the choices, n and best_of alike', () => {
    const one = bounded(worstCaseCost({ model: 'test/plain', catalogue: models, promptTokens: 100, maxOutputTokens: 10 }));
    const fifty = bounded(worstCaseCost({ model: 'test/plain', catalogue: models, promptTokens: 100, maxOutputTokens: 10, choices: outputChoicesOf({ n: 50 }) }));
    expect(one.costNanoUsd).toBe(100_000 + 10 * 2_000);
    expect(fifty.costNanoUsd).toBe(100_000 + 500 * 2_000);
    expect(fifty.outputTokens).toBe(500);
    expect(outputChoicesOf({ n: 2, best_of: 5 })).toBe(5);
    expect(outputChoicesOf({ n: null })).toBe(1);
    expect(outputChoicesOf({ n: 2, best_of: 'many' })).toBe(2);
    expect(outputChoicesOf({ n: Number.NaN })).toBe(1);
    const absurd = bounded(worstCaseCost({ model: 'test/plain', catalogue: models, promptTokens: 100, choices: 1e15 }));
    expect(Number.isSafeInteger(absurd.costNanoUsd)).toBe(true);
  });

  it('prices a caching prompt at the cache-write rate when it is dearer', () => {
    const plain = bounded(worstCaseCost({ model: 'test/priced', catalogue: models, promptTokens: 100, maxOutputTokens: 0 }));
    const caching = bounded(worstCaseCost({ model: 'test/priced', catalogue: models, promptTokens: 100, maxOutputTokens: 0, writesCache: true }));
    expect(plain.costNanoUsd).toBe(100_000);
    expect(caching.costNanoUsd).toBe(300_000);
  });

  it('adds 25 % to an estimated prompt count', () => {
    const bound = bounded(worstCaseCost({ model: 'test/plain', catalogue: models, promptTokens: 101, promptTokensEstimated: true, maxOutputTokens: 0 }));
    expect(bound.promptTokens).toBe(127);
    expect(bound.costNanoUsd).toBe(127_000);
  });

  it('bounds a model without an output limit by its context window minus the prompt', () => {
    const bound = bounded(worstCaseCost({ model: 'test/window-only', catalogue: models, promptTokens: 1000 }));
    expect(bound.outputTokensPerChoice).toBe(4000);
    expect(bound.outputLimitSource).toBe('context_window');
  });

  it('refuses to bound a model with no output limit and no context window, or no price', () => {
    const noLimit = worstCaseCost({ model: 'test/no-limit', catalogue: models, promptTokens: 10 });
    expect(noLimit).toMatchObject({ bounded: false, reason: 'unknown_output_limit' });
    expect(!noLimit.bounded && noLimit.message).toMatch(/send max_tokens/);
    expect(bounded(worstCaseCost({ model: 'test/no-limit', catalogue: models, promptTokens: 10, maxOutputTokens: 5 })).costNanoUsd).toBe(20_000);
    expect(worstCaseCost({ model: 'test/unpriced', catalogue: models, promptTokens: 10 })).toMatchObject({ bounded: false, reason: 'unpriced' });
    expect(worstCaseCost({ model: 'test/nowhere', catalogue: models, promptTokens: 10 })).toMatchObject({ bounded: false, reason: 'unpriced' });
  });
});

describe('affordableOutputTokens', () => {
  const models = catalogue();

  it('is the model limit when the full output fits', () => {
    expect(affordableOutputTokens({ model: 'test/plain', catalogue: models, promptTokens: 100, budgetNanoUsd: 10_000_000 })).toBe(1000);
  });

  it('is the largest limit whose worst case fits, per choice', () => {
    // 1,000,000 − 100,000 prompt = 900,000 → 450 output tokens at 2,000; over 3 choices, 150 each.
    expect(affordableOutputTokens({ model: 'test/plain', catalogue: models, promptTokens: 100, budgetNanoUsd: 1_000_000 })).toBe(450);
    expect(affordableOutputTokens({ model: 'test/plain', catalogue: models, promptTokens: 100, choices: 3, budgetNanoUsd: 1_000_000 })).toBe(150);
    expect(affordableOutputTokens({ model: 'test/plain', catalogue: models, promptTokens: 100, budgetNanoUsd: 1_001_999 })).toBe(450);
  });

  it('is 0 when not even the prompt fits, and undefined when no bound exists', () => {
    expect(affordableOutputTokens({ model: 'test/plain', catalogue: models, promptTokens: 100, budgetNanoUsd: 99_999 })).toBe(0);
    expect(affordableOutputTokens({ model: 'test/no-limit', catalogue: models, promptTokens: 100, budgetNanoUsd: 1_000_000 })).toBeUndefined();
    expect(affordableOutputTokens({ model: 'test/unpriced', catalogue: models, promptTokens: 100, budgetNanoUsd: 1_000_000 })).toBeUndefined();
  });
});

describe('promptWritesCache', () => {
  it('finds cache_control on a message, a content part or a tool, and nothing else', () => {
    expect(promptWritesCache({ messages: [{ role: 'user', content: 'hi' }] })).toBe(false);
    expect(promptWritesCache({ messages: [{ role: 'user', content: [{ type: 'text', text: 'hi', cache_control: { type: 'ephemeral' } }] }] })).toBe(true);
    expect(promptWritesCache({ messages: [{ role: 'system', content: 'x', cache_control: { type: 'ephemeral' } }] })).toBe(true);
    expect(promptWritesCache({ messages: [], tools: [{ type: 'function', cache_control: { type: 'ephemeral' } }] })).toBe(true);
    expect(promptWritesCache({ messages: [{ role: 'user', content: [{ type: 'text', text: '"cache_control"' }] }] })).toBe(false);
  });
});
