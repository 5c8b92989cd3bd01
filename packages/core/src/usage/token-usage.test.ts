import { openAIUsageSchema } from './openai-usage.js';
import { inputTokensOf, outputTokensOf, toTokenUsage } from './token-usage.js';

describe('toTokenUsage', () => {
  it('splits OpenAI usage with cached and reasoning tokens', () => {
    const usage = openAIUsageSchema.parse({
      prompt_tokens: 2006,
      completion_tokens: 300,
      total_tokens: 2306,
      prompt_tokens_details: { cached_tokens: 1920, audio_tokens: 0 },
      completion_tokens_details: { reasoning_tokens: 192, audio_tokens: 0, accepted_prediction_tokens: 0, rejected_prediction_tokens: 0 },
    });
    const tokens = toTokenUsage(usage);
    expect(tokens).toEqual({
      uncachedInputTokens: 86,
      cacheReadTokens: 1920,
      cacheWriteTokens: 0,
      textOutputTokens: 108,
      reasoningTokens: 192,
    });
    expect(inputTokensOf(tokens)).toBe(2006);
    expect(outputTokensOf(tokens)).toBe(300);
  });

  it('reads cache writes from the details bucket or LiteLLM top-level Anthropic fields', () => {
    expect(
      toTokenUsage({
        prompt_tokens: 1500,
        completion_tokens: 10,
        total_tokens: 1510,
        prompt_tokens_details: { cached_tokens: 1000, cache_creation_tokens: 400 },
      }),
    ).toMatchObject({ uncachedInputTokens: 100, cacheReadTokens: 1000, cacheWriteTokens: 400 });
    expect(
      toTokenUsage({
        prompt_tokens: 1500,
        completion_tokens: 10,
        total_tokens: 1510,
        cache_read_input_tokens: 1000,
        cache_creation_input_tokens: 400,
      }),
    ).toMatchObject({ uncachedInputTokens: 100, cacheReadTokens: 1000, cacheWriteTokens: 400 });
  });

  it('treats missing details as zero', () => {
    expect(toTokenUsage({ prompt_tokens: 7, completion_tokens: 3, total_tokens: 10 })).toEqual({
      uncachedInputTokens: 7,
      cacheReadTokens: 0,
      cacheWriteTokens: 0,
      textOutputTokens: 3,
      reasoningTokens: 0,
    });
  });

  it('clamps inconsistent reports so no bucket goes negative and totals are kept', () => {
    const tokens = toTokenUsage({
      prompt_tokens: 100,
      completion_tokens: 10,
      total_tokens: 110,
      prompt_tokens_details: { cached_tokens: 80, cache_creation_tokens: 50 },
      completion_tokens_details: { reasoning_tokens: 25 },
    });
    expect(tokens).toEqual({
      uncachedInputTokens: 0,
      cacheReadTokens: 80,
      cacheWriteTokens: 20,
      textOutputTokens: 0,
      reasoningTokens: 10,
    });
    expect(inputTokensOf(tokens)).toBe(100);
    expect(outputTokensOf(tokens)).toBe(10);
  });

  it('rejects negative or fractional counts on the wire', () => {
    expect(openAIUsageSchema.safeParse({ prompt_tokens: -1, completion_tokens: 0, total_tokens: 0 }).success).toBe(false);
    expect(openAIUsageSchema.safeParse({ prompt_tokens: 1.5, completion_tokens: 0, total_tokens: 1 }).success).toBe(false);
  });
});
