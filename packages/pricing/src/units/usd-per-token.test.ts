import { formatFemtoUsd, formatNanoUsd, formatUsdPerMillionTokens } from './format-decimal.js';
import { usdPerTokenToNanoUsdPerMillion } from './usd-per-token.js';

describe('usdPerTokenToNanoUsdPerMillion', () => {
  it.each<[number | string, number]>([
    [2.5e-6, 2_500_000_000], // gpt-4o input: $2.50 per 1M tokens
    [0.00001, 10_000_000_000],
    ['3e-7', 300_000_000], // YAML configs may give strings
    [' 0.0000025 ', 2_500_000_000],
    [1.5e-10, 150_000], // fractional nano-USD per token is still whole in this unit
    [4.6875e-9, 4_687_500],
    [5.46875e-7, 546_875_000],
    [0, 0],
    [0.54, 540_000_000_000_000],
    // float noise from upstream arithmetic (Databricks rows) snaps to the grid value it misses by 1-2 ULPs
    [0.0000029999900000000002, 2_999_990_000],
    [3.0001999999999996e-7, 300_020_000],
  ])('%s USD/token → %i nano-USD per 1M tokens', (price, expected) => {
    expect(usdPerTokenToNanoUsdPerMillion(price)).toEqual({ ok: true, nanoUsdPerMillionTokens: expected });
  });

  it.each<[number | string, RegExp]>([
    [1e-16, /finer than 1e-15/],
    [1.23456789e-14, /finer than 1e-15/],
    ['0.0000000000000001', /finer than 1e-15/],
    [-1e-6, /non-negative/],
    [Number.NaN, /finite/],
    [Number.POSITIVE_INFINITY, /finite/],
    ['abc', /decimal/],
    ['-3e-7', /decimal/],
    [1e10, /too large/],
  ])('refuses %s', (price, reason) => {
    const result = usdPerTokenToNanoUsdPerMillion(price);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toMatch(reason);
  });
});

describe('decimal formatting', () => {
  it('prints exact decimals without float error', () => {
    expect(formatUsdPerMillionTokens(2_500_000_000)).toBe('$2.5');
    expect(formatUsdPerMillionTokens(150_000)).toBe('$0.00015');
    expect(formatNanoUsd(7_500_000)).toBe('0.0075');
    expect(formatNanoUsd(3_000_000_000n)).toBe('3');
    expect(formatFemtoUsd(42_187_500n)).toBe('0.0000000421875');
    expect(formatNanoUsd(0)).toBe('0');
  });
});
