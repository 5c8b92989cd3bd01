import { MAX_NANO_USD, type NanoUsd } from './nano-usd.js';

const DECIMAL_PATTERN = /^([+-]?)(\d*)(?:\.(\d*))?(?:e([+-]?\d+))?$/i;

/**
 * Converts USD to nano-USD exactly as written: `0.1` becomes 100000000n (not the binary float's 0.1000000000000000055…).
 * A number is read through its shortest round-trip decimal form (`String(value)`); a string is read as written.
 * Digits past the ninth decimal place round half away from zero. Throws RangeError on NaN, Infinity, malformed
 * text, or an amount beyond BIGINT.
 */
export function usdToNanoUsd(value: number | string): NanoUsd {
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
  return (sign === '-' ? -magnitude : magnitude) as NanoUsd;
}
