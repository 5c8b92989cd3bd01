import fc from 'fast-check';
import { formatNanoUsd } from './format-nano-usd.js';
import { compareNanoUsd, maxNanoUsd, sumNanoUsd } from './nano-usd-arithmetic.js';
import { MAX_NANO_USD, nanoUsd, nanoUsdToNumber } from './nano-usd.js';
import { nanoUsdSchema, nanoUsdStringSchema, usdAmountSchema } from './nano-usd-schema.js';
import { nanoUsdToUsd } from './nano-usd-to-usd.js';
import { usdToNanoUsd } from './usd-to-nano-usd.js';

/** Amounts a budget or a spend column can hold. */
const amount = fc.bigInt({ min: 0n, max: MAX_NANO_USD });
/** Amounts whose USD number keeps every nano-USD digit: a double holds any 15 significant digits (below $1M). */
const displayableAmount = fc.bigInt({ min: -(10n ** 15n) + 1n, max: 10n ** 15n - 1n });

describe('money conversions (properties)', () => {
  it('formatNanoUsd is exact: its text parses back to the same nano-USD', () => {
    fc.assert(fc.property(amount, (nano) => expect(usdToNanoUsd(formatNanoUsd(nano))).toBe(nano)));
  });

  it('nanoUsdToUsd then usdToNanoUsd is the identity below 1e15 nano-USD', () => {
    fc.assert(fc.property(displayableAmount, (nano) => expect(usdToNanoUsd(nanoUsdToUsd(nano))).toBe(nano)));
  });

  it('usdToNanoUsd reads a number as its shortest decimal: the result is within half a nano-USD of the text', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e9, max: 1e9, noNaN: true }), (usd) => {
        const nano = usdToNanoUsd(usd);
        // The text's value × 1e9, rounded half away from zero, computed by a second route: formatting and re-reading.
        expect(usdToNanoUsd(String(usd))).toBe(nano);
        expect(Math.abs(Number(nano) - usd * 1e9)).toBeLessThanOrEqual(Math.max(1, Math.abs(usd) * 1e9 * 2 ** -50));
      }),
    );
  });

  it('sums exactly: 0.1 USD ten times is exactly 1 USD, and any sum equals the bigint sum', () => {
    expect(sumNanoUsd(Array.from({ length: 10 }, () => usdToNanoUsd(0.1)))).toBe(1_000_000_000n);
    fc.assert(
      fc.property(fc.array(amount, { maxLength: 20 }), (amounts) => {
        expect(sumNanoUsd(amounts)).toBe(amounts.reduce((total, next) => total + next, 0n));
      }),
    );
  });

  it('compare and max agree with bigint order', () => {
    fc.assert(
      fc.property(amount, amount, (a, b) => {
        expect(compareNanoUsd(a, b)).toBe(a < b ? -1 : a > b ? 1 : 0);
        expect(maxNanoUsd(a, b)).toBe(a > b ? a : b);
      }),
    );
    expect(maxNanoUsd()).toBe(0n);
  });

  it('the schemas accept every amount a BIGINT holds, in each wire form, and refuse one more', () => {
    fc.assert(
      fc.property(amount, (nano) => {
        expect(nanoUsdStringSchema.parse(nano.toString())).toBe(nano.toString());
        expect(nanoUsdSchema.parse(nano.toString())).toBe(nano);
        expect(nanoUsdSchema.parse(nano)).toBe(nano);
        expect(usdAmountSchema.parse(formatNanoUsd(nano))).toBe(nano);
      }),
    );
    expect(nanoUsdSchema.safeParse((MAX_NANO_USD + 1n).toString()).success).toBe(false);
    expect(usdAmountSchema.safeParse('9223372036.854775808').success).toBe(false);
  });
});

describe('money edges', () => {
  it('usdAmountSchema refuses what is not a non-negative USD amount, naming why', () => {
    expect(usdAmountSchema.parse(0.5)).toBe(500_000_000n);
    expect(usdAmountSchema.parse('2.5e-3')).toBe(2_500_000n);
    const negative = usdAmountSchema.safeParse(-1);
    expect(negative.success).toBe(false);
    expect(negative.error?.issues[0]?.message).toBe('must be a non-negative USD amount');
    expect(usdAmountSchema.safeParse('abc').error?.issues[0]?.message).toMatch(/Not a decimal USD amount/);
    expect(usdAmountSchema.safeParse(Number.NaN).success).toBe(false);
  });

  it('nanoUsd takes integers in every form and refuses fractions and overflow', () => {
    expect(nanoUsd(42)).toBe(42n);
    expect(nanoUsd(' 42 ')).toBe(42n);
    expect(nanoUsd(-7n)).toBe(-7n);
    expect(() => nanoUsd(1.5)).toThrow(RangeError);
    expect(() => nanoUsd(2 ** 60)).toThrow(/safe integer/);
    expect(() => nanoUsd('1.5')).toThrow(RangeError);
    expect(() => nanoUsd(MAX_NANO_USD + 1n)).toThrow(/out of range/);
  });

  it('nanoUsdToNumber refuses to lose precision past 2^53', () => {
    expect(nanoUsdToNumber(BigInt(Number.MAX_SAFE_INTEGER))).toBe(Number.MAX_SAFE_INTEGER);
    expect(() => nanoUsdToNumber(BigInt(Number.MAX_SAFE_INTEGER) + 1n)).toThrow(/beyond 2\^53/);
  });

  it('formatNanoUsd prints exact decimals without float error', () => {
    expect(formatNanoUsd(7_500_000)).toBe('0.0075');
    expect(formatNanoUsd(3_000_000_000n)).toBe('3');
    expect(formatNanoUsd(-1n)).toBe('-0.000000001');
    expect(formatNanoUsd(0)).toBe('0');
  });
});
