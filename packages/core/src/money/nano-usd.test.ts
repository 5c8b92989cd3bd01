import { MAX_NANO_USD } from './nano-usd.js';
import { nanoUsdToUsd } from './nano-usd-to-usd.js';
import { usdToNanoUsd } from './usd-to-nano-usd.js';
import { nanoUsdStringSchema } from './nano-usd-schema.js';

describe('usdToNanoUsd', () => {
  it.each([
    [0.1, 100_000_000n],
    [0.2, 200_000_000n],
    [0.3, 300_000_000n],
    [1, 1_000_000_000n],
    [0, 0n],
    [1e-9, 1n],
    [1e-10, 0n],
    [5e-10, 1n],
    [4.9e-10, 0n],
    [1.5e-9, 2n],
    [0.0000025, 2500n],
    [123.456789012, 123_456_789_012n],
    [1e9, 1_000_000_000_000_000_000n],
    [-0.1, -100_000_000n],
    ['0.000000001', 1n],
    ['  12.5 ', 12_500_000_000n],
    ['.5', 500_000_000n],
    ['3.', 3_000_000_000n],
    ['2.5e-3', 2_500_000n],
    ['0.0000000015', 2n],
  ])('%p USD is %p nano-USD', (usd, nano) => {
    expect(usdToNanoUsd(usd)).toBe(nano);
  });

  it('stores 0.1 + 0.2 USD as exactly 300000000 nano-USD', () => {
    expect(usdToNanoUsd(0.1) + usdToNanoUsd(0.2)).toBe(300_000_000n);
    expect(usdToNanoUsd(0.1) + usdToNanoUsd(0.2)).toBe(usdToNanoUsd(0.3));
  });

  it.each([NaN, Infinity, -Infinity])('rejects %p', (value) => {
    expect(() => usdToNanoUsd(value)).toThrow(RangeError);
  });

  it.each(['', 'abc', '1.2.3', '1e', '0x10', '-', '1e999'])('rejects text %p', (value) => {
    expect(() => usdToNanoUsd(value)).toThrow(RangeError);
  });

  it('rejects amounts beyond BIGINT', () => {
    expect(() => usdToNanoUsd(1e10)).toThrow(RangeError);
    expect(usdToNanoUsd('9223372036.854775807')).toBe(MAX_NANO_USD);
  });
});

describe('nanoUsdToUsd', () => {
  it.each([
    [300_000_000n, 0.3],
    [1n, 1e-9],
    [0n, 0],
    [-2_500_000n, -0.0025],
    [12_345_000_000_000n, 12345],
  ])('%p nano-USD is %p USD', (nano, usd) => {
    expect(nanoUsdToUsd(nano)).toBe(usd);
  });

  it('round-trips every amount with at most 9 decimals', () => {
    for (const usd of [0.1, 0.3, 1.23456789, 99.999999999, 4.2e-7]) {
      expect(nanoUsdToUsd(usdToNanoUsd(usd))).toBe(usd);
    }
  });
});

describe('nanoUsdStringSchema', () => {
  it('accepts integer strings and safe integers, returning the canonical string', () => {
    expect(nanoUsdStringSchema.parse('00042')).toBe('42');
    expect(nanoUsdStringSchema.parse(7)).toBe('7');
    expect(nanoUsdStringSchema.parse('9223372036854775807')).toBe('9223372036854775807');
  });

  it.each(['-1', '1.5', '9223372036854775808', 1.5, -3, 2 ** 60, ''])('rejects %p', (value) => {
    expect(nanoUsdStringSchema.safeParse(value).success).toBe(false);
  });
});
