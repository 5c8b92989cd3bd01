/**
 * Exact conversion of LiteLLM prices (USD per token) to the catalogue unit, integer nano-USD per 1M tokens (the same
 * integer as femto-USD, 1e-15 USD, per token). Mirrors `tools/sync-pricing/exact-price.cjs`, which converts the
 * bundled catalogue; this one converts prices registered at run time (a proxy config's `model_info`).
 */

const SCALE_DIGITS = 15;

/**
 * A double may miss a grid value by a few units in the last place when it was computed rather than typed
 * (`0.0000029999900000000002`). Within 2^-50 (≈ 4 ULPs) of a grid value that can only be float noise, so it is
 * snapped; a value farther off is a price finer than 1e-15 USD and is refused.
 */
const NOISE_RELATIVE = 2 ** -50;

interface Decimal {
  digits: bigint;
  exponent: number;
}

function parseDecimal(text: string): Decimal | undefined {
  const match = /^(\d+)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(text.trim());
  if (match === null) return undefined;
  const whole = match[1] ?? '0';
  const fraction = match[2] ?? '';
  return { digits: BigInt(whole + fraction), exponent: Number(match[3] ?? '0') - fraction.length };
}

/** The result of a conversion: the exact integer, or why there is none. */
export type PriceConversion = { ok: true; nanoUsdPerMillionTokens: number } | { ok: false; reason: string };

/**
 * Converts a USD-per-token price — a number, or a decimal string such as `"3e-7"` (YAML configs give either) — to
 * integer nano-USD per 1M tokens without rounding. A number is read as the shortest decimal that maps to it, which
 * is what the user or the JSON file wrote.
 */
export function usdPerTokenToNanoUsdPerMillion(price: number | string): PriceConversion {
  const isNumber = typeof price === 'number';
  if (isNumber && (!Number.isFinite(price) || price < 0)) {
    return { ok: false, reason: `must be a finite, non-negative number, got ${price}` };
  }
  const decimal = parseDecimal(String(price));
  if (decimal === undefined) return { ok: false, reason: `must be a non-negative decimal, got ${JSON.stringify(price)}` };
  const shift = decimal.exponent + SCALE_DIGITS;
  let value: bigint;
  if (shift >= 0) {
    value = decimal.digits * 10n ** BigInt(shift);
  } else {
    const divisor = 10n ** BigInt(-shift);
    value = (decimal.digits + divisor / 2n) / divisor;
    if (decimal.digits % divisor !== 0n) {
      const asNumber = Number(price);
      const snapped = Number(`${value}e-${SCALE_DIGITS}`);
      if (value === 0n || Math.abs(asNumber - snapped) > NOISE_RELATIVE * asNumber) {
        return { ok: false, reason: `${price} USD/token is finer than 1e-15 USD and cannot be stored exactly` };
      }
    }
  }
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) return { ok: false, reason: `${price} USD/token is too large` };
  return { ok: true, nanoUsdPerMillionTokens: Number(value) };
}

/**
 * The inverse, for comparisons only (cost-based routing): integer nano-USD per 1M tokens as the nearest USD-per-token
 * number. Read from its exact decimal text, so it is the same number a config's `2.5e-6` parses to.
 */
export function nanoUsdPerMillionToUsdPerToken(nanoUsdPerMillionTokens: number): number {
  return Number(`${nanoUsdPerMillionTokens}e-${SCALE_DIGITS}`);
}
