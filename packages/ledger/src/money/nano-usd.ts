/**
 * Money in the ledger is an integer count of nano-USD (1 USD = 1e9 nano-USD), held as `bigint` in TypeScript and
 * BIGINT in the database, so sums are exact. USD numbers exist only at the API edge (LiteLLM shows `spend`,
 * `max_budget` as USD floats).
 */

/** Nano-USD in one US dollar. */
export const NANO_USD_PER_USD = 1_000_000_000n;

/** The largest amount a BIGINT column holds (about 9.2 billion USD). */
export const MAX_NANO_USD = 2n ** 63n - 1n;

const DECIMAL_PATTERN = /^([+-]?)(\d*)(?:\.(\d*))?(?:e([+-]?\d+))?$/i;

/**
 * Converts USD to nano-USD exactly as written: `0.1` becomes 100000000n (not the binary float's 0.1000000000000000055…).
 * A number is read through its shortest round-trip decimal form (`String(value)`); a string is read as written.
 * Digits past the ninth decimal place round half away from zero. Throws RangeError on NaN, Infinity, malformed
 * text, or an amount beyond BIGINT.
 */
export function usdToNanoUsd(value: number | string): bigint {
  if (typeof value === 'number' && !Number.isFinite(value)) {
    throw new RangeError(`USD amount must be a finite number, got ${value}`);
  }
  const text = typeof value === 'number' ? String(value) : value.trim();
  const match = DECIMAL_PATTERN.exec(text);
  const [, sign = '', whole = '', fraction = '', exponentText = '0'] = match ?? [];
  if (match === null || (whole === '' && fraction === '')) {
    throw new RangeError(`Not a decimal USD amount: ${JSON.stringify(text)}`);
  }
  const exponent = Number(exponentText);
  if (!Number.isSafeInteger(exponent) || Math.abs(exponent) > 400) {
    throw new RangeError(`USD amount out of range: ${text}`);
  }
  const digits = BigInt(`${whole}${fraction}` || '0');
  const scale = exponent - fraction.length + 9;
  let magnitude: bigint;
  if (scale >= 0) {
    magnitude = digits * 10n ** BigInt(scale);
  } else {
    const divisor = 10n ** BigInt(-scale);
    magnitude = digits / divisor;
    if ((digits % divisor) * 2n >= divisor) magnitude += 1n;
  }
  if (magnitude > MAX_NANO_USD) throw new RangeError(`USD amount out of range: ${text}`);
  return sign === '-' ? -magnitude : magnitude;
}

/**
 * Converts nano-USD to the nearest USD number, for responses only (never sum the result). Goes through the exact
 * decimal text so that 300000000n shows as 0.3, not 0.30000000000000004.
 */
export function nanoUsdToUsd(nanoUsd: bigint): number {
  const negative = nanoUsd < 0n;
  const magnitude = negative ? -nanoUsd : nanoUsd;
  const whole = magnitude / NANO_USD_PER_USD;
  const fraction = (magnitude % NANO_USD_PER_USD).toString().padStart(9, '0');
  return Number(`${negative ? '-' : ''}${whole}.${fraction}`);
}

/** Like {@link nanoUsdToUsd}, passing null through (an unset budget stays null). */
export function nullableNanoUsdToUsd(nanoUsd: bigint | null): number | null {
  return nanoUsd === null ? null : nanoUsdToUsd(nanoUsd);
}
