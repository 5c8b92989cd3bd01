import { BadRequestError } from '@tollgate/core';
import { ModelCatalogue } from '../catalogue/model-catalogue.js';
import { completionCost } from './completion-cost.js';
import { costPerToken } from './cost-per-token.js';

/** A two-model catalogue with prices chosen to produce sub-nano-USD amounts. */
const catalogue = new ModelCatalogue({
  load: () => ({
    version: 1,
    unit: 'nano-USD per 1M tokens',
    source: { sha256: '0'.repeat(64), upstreamCommit: null, models: 2 },
    models: {
      // input 18.75 nano-USD/token, output 4.6875 nano-USD/token (both exact in nano-USD per 1M tokens)
      'test/fractional': { p: 'test', m: 'chat', c: { i: 18_750_000, o: 4_687_500 } },
      'test/input-only': { p: 'test', m: 'chat', c: { i: 1_000_000_000 } },
    },
  }),
});

describe('costPerToken', () => {
  it('splits a call into prompt and completion cost (LiteLLM cost_per_token)', () => {
    // gpt-4o: 1000 × 2.5e-6 = 0.0025 USD prompt; 500 × 1e-5 = 0.005 USD completion
    const result = costPerToken({ model: 'gpt-4o', promptTokens: 1000, completionTokens: 500 });
    expect(result).toEqual({
      priced: true,
      model: 'gpt-4o',
      promptCostNanoUsd: 2_500_000,
      completionCostNanoUsd: 5_000_000,
      promptCostUsd: 0.0025,
      completionCostUsd: 0.005,
    });
  });

  it('puts cached, cache-write and reasoning tokens on their sides', () => {
    // claude-sonnet-4-5: prompt = 2000 × 3e-6 + 6000 × 3e-7 + 2000 × 3.75e-6 = 0.0153 USD
    // completion = 600 × 1.5e-5 + 400 × 1.5e-5 = 0.015 USD
    const result = costPerToken({
      model: 'anthropic/claude-sonnet-4-5',
      promptTokens: 10_000,
      completionTokens: 1000,
      cachedTokens: 6000,
      cacheWriteTokens: 2000,
      reasoningTokens: 400,
    });
    expect(result).toMatchObject({ promptCostNanoUsd: 15_300_000, completionCostNanoUsd: 15_000_000 });
  });

  it('rounds each side once, half up', () => {
    // prompt: 2 × 18.75 = 37.5 nano-USD → 38; completion: 1 × 4.6875 → 5
    const result = costPerToken({ model: 'test/fractional', promptTokens: 2, completionTokens: 1, catalogue });
    expect(result).toMatchObject({ promptCostNanoUsd: 38, completionCostNanoUsd: 5 });
    // the bill (completionCost) rounds the exact total once: 37.5 + 4.6875 = 42.1875 → 42
    const bill = completionCost({ model: 'test/fractional', usage: { prompt_tokens: 2, completion_tokens: 1, total_tokens: 3 }, catalogue });
    expect(bill).toMatchObject({ priced: true, costNanoUsd: 42, costFemtoUsd: 42_187_500n });
  });

  it('rounds an exact half up and anything below down', () => {
    // 1 × 18.75 = 18.75 → 19; 4 × 4.6875 = 18.75 → 19; 2 × 4.6875 = 9.375 → 9
    expect(costPerToken({ model: 'test/fractional', promptTokens: 1, completionTokens: 0, catalogue })).toMatchObject({ promptCostNanoUsd: 19 });
    expect(costPerToken({ model: 'test/fractional', promptTokens: 0, completionTokens: 2, catalogue })).toMatchObject({ completionCostNanoUsd: 9 });
  });

  it('reports no_price when output tokens have no output price', () => {
    expect(costPerToken({ model: 'test/input-only', promptTokens: 10, completionTokens: 0, catalogue })).toMatchObject({ priced: true });
    expect(costPerToken({ model: 'test/input-only', promptTokens: 10, completionTokens: 5, catalogue })).toMatchObject({
      priced: false,
      reason: 'no_price',
    });
  });

  it('refuses inconsistent counts', () => {
    expect(() => costPerToken({ model: 'gpt-4o', promptTokens: 10, completionTokens: 0, cachedTokens: 11 })).toThrow(BadRequestError);
    expect(() => costPerToken({ model: 'gpt-4o', promptTokens: 10, completionTokens: 1, reasoningTokens: 2 })).toThrow(/reasoningTokens/);
    expect(() => costPerToken({ model: 'gpt-4o', promptTokens: 1.5, completionTokens: 0 })).toThrow(/promptTokens/);
  });
});
