import { BadRequestError, nanoUsdToUsd, type OpenAIUsage } from '@tollgate/core';
import { completionCost } from './completion-cost.js';
import type { CostResult, PricedCost } from './cost-result.js';

/*
 * Every expected value below is worked out by hand from the bundled catalogue's prices (quoted in USD per token
 * as LiteLLM's file gives them), then converted to nano-USD (1 USD = 1e9 nano-USD).
 */

function openAIUsage(prompt: number, completion: number, details: { cached?: number; cacheWrite?: number; reasoning?: number } = {}): OpenAIUsage {
  return {
    prompt_tokens: prompt,
    completion_tokens: completion,
    total_tokens: prompt + completion,
    prompt_tokens_details: { cached_tokens: details.cached ?? 0, cache_creation_tokens: details.cacheWrite ?? 0 },
    completion_tokens_details: { reasoning_tokens: details.reasoning ?? 0 },
  };
}

function priced(result: CostResult): PricedCost {
  if (!result.priced) throw new Error(`expected a price, got ${result.reason}: ${result.message}`);
  return result;
}

describe('completionCost against hand-computed values', () => {
  it.each<[string, string, OpenAIUsage, number]>([
    [
      // gpt-4o: input 2.5e-6, cache read 1.25e-6, output 1e-5
      // 600 × 2.5e-6 = 0.0015; 400 × 1.25e-6 = 0.0005; 500 × 1e-5 = 0.005 → 0.007 USD
      'OpenAI gpt-4o with cached prompt tokens',
      'gpt-4o',
      openAIUsage(1000, 500, { cached: 400 }),
      7_000_000,
    ],
    [
      // gpt-4o-mini: input 1.5e-7, output 6e-7
      // 12345 × 1.5e-7 = 0.00185175; 678 × 6e-7 = 0.0004068 → 0.00225855 USD
      'OpenAI gpt-4o-mini, odd token counts',
      'openai/gpt-4o-mini',
      openAIUsage(12_345, 678),
      2_258_550,
    ],
    [
      // o3: input 2e-6, cache read 5e-7, output 8e-6, no reasoning price → reasoning at output rate
      // 976 × 2e-6 = 0.001952; 1024 × 5e-7 = 0.000512; 500 × 8e-6 = 0.004; 2500 × 8e-6 = 0.02 → 0.026464 USD
      'OpenAI o3 with cached and reasoning tokens',
      'o3',
      openAIUsage(2000, 3000, { cached: 1024, reasoning: 2500 }),
      26_464_000,
    ],
    [
      // claude-sonnet-4-5: input 3e-6, cache read 3e-7, cache write 3.75e-6, output 1.5e-5
      // 2000 × 3e-6 = 0.006; 6000 × 3e-7 = 0.0018; 2000 × 3.75e-6 = 0.0075; 1000 × 1.5e-5 = 0.015 → 0.0303 USD
      'Anthropic claude-sonnet-4-5 with cache reads and writes',
      'anthropic/claude-sonnet-4-5',
      openAIUsage(10_000, 1000, { cached: 6000, cacheWrite: 2000 }),
      30_300_000,
    ],
    [
      // above 200k: input 6e-6, cache read 6e-7, output 2.25e-5 — the whole request at the tier rates
      // 150000 × 6e-6 = 0.9; 100000 × 6e-7 = 0.06; 1500 × 2.25e-5 = 0.03375; 500 × 2.25e-5 = 0.01125 → 1.005 USD
      'Anthropic claude-sonnet-4-5 above the 200k tier, reasoning at the tier output rate',
      'claude-sonnet-4-5',
      openAIUsage(250_000, 2000, { cached: 100_000, reasoning: 500 }),
      1_005_000_000,
    ],
    [
      // exactly 200000 prompt tokens is not above the threshold: base rates
      // 200000 × 3e-6 = 0.6; 1000 × 1.5e-5 = 0.015 → 0.615 USD
      'Anthropic claude-sonnet-4-5 at exactly 200k prompt tokens stays on base prices',
      'claude-sonnet-4-5',
      openAIUsage(200_000, 1000),
      615_000_000,
    ],
    [
      // gemini-2.5-pro above 200k: input 2.5e-6, cache read 2.5e-7, output 1.5e-5
      // 250000 × 2.5e-6 = 0.625; 50000 × 2.5e-7 = 0.0125; 6000 × 1.5e-5 = 0.09; 4000 × 1.5e-5 = 0.06 → 0.7875 USD
      'Gemini 2.5 Pro above 200k with cached and reasoning tokens',
      'gemini/gemini-2.5-pro',
      openAIUsage(300_000, 10_000, { cached: 50_000, reasoning: 4000 }),
      787_500_000,
    ],
    [
      // gemini-2.5-pro below the tier: 100000 × 1.25e-6 = 0.125; 1000 × 1e-5 = 0.01 → 0.135 USD
      'Gemini 2.5 Pro below the tier',
      'gemini/gemini-2.5-pro',
      openAIUsage(100_000, 1000),
      135_000_000,
    ],
    [
      // gemini-2.5-flash: input 3e-7, cache read 3e-8, output 2.5e-6, reasoning 2.5e-6 (own field)
      // 4000 × 3e-7 = 0.0012; 1000 × 3e-8 = 0.00003; 500 × 2.5e-6 = 0.00125; 1500 × 2.5e-6 = 0.00375 → 0.00623 USD
      'Gemini 2.5 Flash with cached and reasoning tokens',
      'gemini/gemini-2.5-flash',
      openAIUsage(5000, 2000, { cached: 1000, reasoning: 1500 }),
      6_230_000,
    ],
    [
      // deepseek-chat: input 2.8e-7, cache read (hit) 2.8e-8, output 4.2e-7
      // 2000 × 2.8e-7 = 0.00056; 8000 × 2.8e-8 = 0.000224; 1000 × 4.2e-7 = 0.00042 → 0.001204 USD
      'DeepSeek chat with prompt-cache hits',
      'deepseek/deepseek-chat',
      openAIUsage(10_000, 1000, { cached: 8000 }),
      1_204_000,
    ],
    [
      // deepseek-reasoner: input 2.8e-7, output 4.2e-7 (reasoning billed as output)
      // 1000 × 2.8e-7 = 0.00028; 1000 × 4.2e-7 + 4000 × 4.2e-7 = 0.0021 → 0.00238 USD
      'DeepSeek reasoner with reasoning tokens',
      'deepseek/deepseek-reasoner',
      openAIUsage(1000, 5000, { reasoning: 4000 }),
      2_380_000,
    ],
    [
      // glm-4.6: input 6e-7, cache read 1.1e-7, output 2.2e-6
      // 15000 × 6e-7 = 0.009; 5000 × 1.1e-7 = 0.00055; 3000 × 2.2e-6 = 0.0066 → 0.01615 USD
      'Z.ai GLM-4.6 with cached and reasoning tokens',
      'zai/glm-4.6',
      openAIUsage(20_000, 3000, { cached: 5000, reasoning: 1000 }),
      16_150_000,
    ],
    [
      // glm-4.5 lists no cache price: cached tokens fall back to the input rate
      // 2000 × 6e-7 = 0.0012; 100 × 2.2e-6 = 0.00022 → 0.00142 USD
      'Z.ai GLM-4.5 without a cache price',
      'zai/glm-4.5',
      openAIUsage(2000, 100, { cached: 1000 }),
      1_420_000,
    ],
    [
      // qwen-plus-latest tiered_pricing, above 256k: input 1.2e-6, output 3.6e-6, reasoning 1.2e-5
      // 300000 × 1.2e-6 = 0.36; 500 × 3.6e-6 = 0.0018; 1500 × 1.2e-5 = 0.018 → 0.3798 USD
      'Dashscope qwen-plus tier table with its own reasoning price',
      'dashscope/qwen-plus-latest',
      openAIUsage(300_000, 2000, { reasoning: 1500 }),
      379_800_000,
    ],
    [
      // grok-4-0709 above 128k: input 6e-6, output 3e-5
      // 130000 × 6e-6 = 0.78; 1000 × 3e-5 = 0.03 → 0.81 USD
      'xAI grok-4 above the 128k tier',
      'xai/grok-4-0709',
      openAIUsage(130_000, 1000),
      810_000_000,
    ],
    [
      // mistral-large-latest: 1000 × 5e-7 = 0.0005; 1000 × 1.5e-6 = 0.0015 → 0.002 USD
      'Mistral large',
      'mistral/mistral-large-latest',
      openAIUsage(1000, 1000),
      2_000_000,
    ],
    [
      // groq llama-3.3-70b-versatile: 7777 × 5.9e-7 = 0.00458843; 333 × 7.9e-7 = 0.00026307 → 0.0048515 USD
      'Groq Llama 3.3 70B',
      'groq/llama-3.3-70b-versatile',
      openAIUsage(7777, 333),
      4_851_500,
    ],
  ])('%s', (_name, model, usage, expectedNanoUsd) => {
    const result = priced(completionCost({ model, usage }));
    expect(result.costNanoUsd).toBe(expectedNanoUsd);
    expect(result.costUsd).toBe(nanoUsdToUsd(expectedNanoUsd));
    // Exact total: the femto-USD sum of the buckets equals the nano-USD total here (no sub-nano remainder).
    expect(result.costFemtoUsd).toBe(BigInt(expectedNanoUsd) * 1_000_000n);
  });

  it('reports each bucket at its own rate and the tier in force', () => {
    const result = priced(completionCost({ model: 'claude-sonnet-4-5', usage: openAIUsage(250_000, 2000, { cached: 100_000, reasoning: 500 }) }));
    expect(result.tierAboveInputTokens).toBe(200_000);
    expect(result.breakdown).toEqual([
      { bucket: 'uncachedInput', tokens: 150_000, nanoUsdPerMillionTokens: 6_000_000_000, costFemtoUsd: 900_000_000_000_000n },
      { bucket: 'cacheRead', tokens: 100_000, nanoUsdPerMillionTokens: 600_000_000, costFemtoUsd: 60_000_000_000_000n },
      { bucket: 'textOutput', tokens: 1500, nanoUsdPerMillionTokens: 22_500_000_000, costFemtoUsd: 33_750_000_000_000n },
      { bucket: 'reasoning', tokens: 500, nanoUsdPerMillionTokens: 22_500_000_000, costFemtoUsd: 11_250_000_000_000n },
    ]);
  });

  it('prices one-hour cache writes at their own rate (Anthropic), from bucketed usage', () => {
    // claude-opus-4-5: input 5e-6, cache write 6.25e-6, 1-hour cache write 1e-5, output 2.5e-5
    // 500 × 5e-6 = 0.0025; 3000 × 6.25e-6 = 0.01875; 1000 × 1e-5 = 0.01; 100 × 2.5e-5 = 0.0025 → 0.03375 USD
    const result = completionCost({
      model: 'anthropic/claude-opus-4-5',
      usage: {
        uncachedInputTokens: 500,
        cacheReadTokens: 0,
        cacheWriteTokens: 4000,
        cacheWriteOneHourTokens: 1000,
        textOutputTokens: 100,
        reasoningTokens: 0,
      },
    });
    expect(priced(result).costNanoUsd).toBe(33_750_000);
  });

  it("reads the one-hour share from OpenAI-format usage (LiteLLM's cache_creation_token_details)", () => {
    const usage = {
      ...openAIUsage(4500, 100, { cacheWrite: 4000 }),
      prompt_tokens_details: { cached_tokens: 0, cache_creation_tokens: 4000, cache_creation_token_details: { ephemeral_1h_input_tokens: 1000 } },
    };
    expect(priced(completionCost({ model: 'claude-opus-4-5', usage })).costNanoUsd).toBe(33_750_000);
  });

  it('prices embeddings by input tokens', () => {
    // text-embedding-3-small: 123456 × 2e-8 = 0.00246912 USD
    const result = priced(completionCost({ model: 'text-embedding-3-small', usage: { prompt_tokens: 123_456, total_tokens: 123_456 } }));
    expect(result.costNanoUsd).toBe(2_469_120);
    expect(result.breakdown.map((line) => line.bucket)).toEqual(['uncachedInput']);
  });

  it('gives a real zero for a model priced at zero (local Ollama)', () => {
    const result = priced(completionCost({ model: 'ollama/llama3', usage: openAIUsage(1000, 1000) }));
    expect(result.costNanoUsd).toBe(0);
  });

  it('accepts core TokenUsage and gives the same cost as the OpenAI shape', () => {
    const fromTokenUsage = completionCost({
      model: 'gpt-4o',
      usage: { uncachedInputTokens: 600, cacheReadTokens: 400, cacheWriteTokens: 0, textOutputTokens: 500, reasoningTokens: 0 },
    });
    expect(priced(fromTokenUsage).costNanoUsd).toBe(7_000_000);
  });
});

describe('completionCost: no silent zero', () => {
  it('says unknown_model for a model nobody priced', () => {
    const result = completionCost({ model: 'acme/never-heard-of-it', usage: openAIUsage(10, 10) });
    expect(result).toMatchObject({ priced: false, reason: 'unknown_model', model: 'acme/never-heard-of-it' });
  });

  it('says ambiguous_model for a bare name several providers list', () => {
    const result = completionCost({ model: 'grok-4', usage: openAIUsage(10, 10) });
    expect(result).toMatchObject({ priced: false, reason: 'ambiguous_model' });
    expect(!result.priced && result.message).toContain('xai/grok-4');
  });

  it('says no_price for a known model without token prices', () => {
    const result = completionCost({ model: '1024-x-1024/dall-e-2', usage: openAIUsage(10, 0) });
    expect(result).toMatchObject({ priced: false, reason: 'no_price' });
  });

  it('throws BadRequestError naming the field for malformed usage', () => {
    const usage = { prompt_tokens: -1, completion_tokens: 2, total_tokens: 1 };
    expect(() => completionCost({ model: 'gpt-4o', usage })).toThrow(BadRequestError);
    expect(() => completionCost({ model: 'gpt-4o', usage })).toThrow(/usage\.prompt_tokens/);
  });

  it.each([
    ['a fractional total', { prompt_tokens: 1, completion_tokens: 2, total_tokens: 2.5 }, /usage\.total_tokens/],
    ['a negative cached count', { prompt_tokens: 10, completion_tokens: 2, total_tokens: 12, prompt_tokens_details: { cached_tokens: -1 } }, /cached_tokens/],
    ['a reasoning count that is text', { prompt_tokens: 10, completion_tokens: 2, total_tokens: 12, completion_tokens_details: { reasoning_tokens: '1' } }, /reasoning_tokens/],
  ])('refuses usage with %s, details included', (_name, usage, message) => {
    expect(() => completionCost({ model: 'gpt-4o', usage: usage })).toThrow(message);
  });

  it('prices a plain report with empty details as the same report without them', () => {
    const plain = completionCost({ model: 'gpt-4o', usage: openAIUsage(1_000, 200) });
    const withDetails = completionCost({
      model: 'gpt-4o',
      usage: { ...openAIUsage(1_000, 200), prompt_tokens_details: { cached_tokens: 0, audio_tokens: 0 }, completion_tokens_details: { reasoning_tokens: 0 } },
    });
    expect(withDetails).toEqual(plain);
  });
});
