import { NANO_USD_PER_USD, type Usd } from './nano-usd.js';

/**
 * Converts nano-USD to the nearest USD number, for responses only (never sum the result). Goes through the exact
 * decimal text so that 300000000n shows as 0.3, not 0.30000000000000004. Exact below 1e15 nano-USD ($1M): a double
 * keeps 15 significant digits; larger amounts lose their last nano-USD digits (sum and store {@link NanoUsd}).
 */
export function nanoUsdToUsd(amount: bigint | number): Usd {
  const nano = BigInt(amount);
  const negative = nano < 0n;
  const magnitude = negative ? -nano : nano;
  const whole = magnitude / NANO_USD_PER_USD;
  const fraction = (magnitude % NANO_USD_PER_USD).toString().padStart(9, '0');
  return Number(`${negative ? '-' : ''}${whole}.${fraction}`) as Usd;
}

/** Like {@link nanoUsdToUsd}, passing null through (an unset budget or an unpriced call stays null). */
export function nullableNanoUsdToUsd(amount: bigint | number | null): Usd | null {
  return amount === null ? null : nanoUsdToUsd(amount);
}
