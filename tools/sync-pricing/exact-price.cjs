'use strict';
// Exact conversion of a LiteLLM price (USD per token, a JSON number) to the catalogue's integer unit:
// nano-USD per 1M tokens, which is the same integer as femto-USD (1e-15 USD) per token.
// packages/pricing/src/units/usd-per-token.ts implements the same rule for prices registered at run time;
// the two are kept in step by the tests on both sides.

/** 10^15: USD per token → nano-USD per 1M tokens. */
const SCALE_DIGITS = 15;

/**
 * A double may miss a femto-USD grid value by a few units in the last place when upstream computed it
 * (Databricks rows are `DBU price × DBU rate`, e.g. 0.0000029999900000000002). Such a value lies within
 * 2^-50 (≈ 4 ULPs) of a grid value; no real price list has 16 significant digits, so that difference can
 * only be float noise and we snap it. Anything farther off is a price finer than our unit and fails.
 */
const NOISE_RELATIVE = 2 ** -50;

/**
 * Parses a plain decimal string (`0.0000025`, `2.5e-06`, `3`) into {digits, exponent} such that
 * value = digits × 10^exponent, digits a bigint. Returns undefined for anything else.
 */
function parseDecimal(text) {
  const match = /^(\d+)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(text.trim());
  if (!match) return undefined;
  const [, whole, fraction = '', exponent = '0'] = match;
  return { digits: BigInt(whole + fraction), exponent: Number(exponent) - fraction.length };
}

/**
 * Converts a price in USD per token to integer nano-USD per 1M tokens, exactly.
 * Returns `{ value }` (a safe integer), plus `snappedFrom` when float noise was removed, or `{ error }`.
 */
function usdPerTokenToNanoUsdPerMillion(input) {
  let decimal;
  let asNumber;
  if (typeof input === 'number') {
    if (!Number.isFinite(input) || input < 0) return { error: `must be a finite, non-negative number, got ${input}` };
    // String(number) is the shortest decimal that reads back as the same double: what the JSON file says.
    decimal = parseDecimal(String(input));
    asNumber = input;
  } else if (typeof input === 'string') {
    decimal = parseDecimal(input);
    if (!decimal) return { error: `must be a non-negative decimal number, got ${JSON.stringify(input)}` };
    asNumber = Number(input);
  } else {
    return { error: `must be a number, got ${JSON.stringify(input)}` };
  }
  const shift = decimal.exponent + SCALE_DIGITS;
  let value;
  if (shift >= 0) {
    value = decimal.digits * 10n ** BigInt(shift);
  } else {
    const divisor = 10n ** BigInt(-shift);
    if (decimal.digits % divisor === 0n) {
      value = decimal.digits / divisor;
    } else {
      const nearest = (decimal.digits + divisor / 2n) / divisor;
      const snapped = Number(`${nearest}e-${SCALE_DIGITS}`);
      if (nearest === 0n || Math.abs(asNumber - snapped) > NOISE_RELATIVE * asNumber) {
        return { error: `${input} USD/token is finer than 1e-15 USD and cannot be stored exactly` };
      }
      value = nearest;
      if (value > BigInt(Number.MAX_SAFE_INTEGER)) return { error: `${input} USD/token is too large` };
      return { value: Number(value), snappedFrom: String(input) };
    }
  }
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) return { error: `${input} USD/token is too large` };
  return { value: Number(value) };
}

module.exports = { usdPerTokenToNanoUsdPerMillion, parseDecimal };
