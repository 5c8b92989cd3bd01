/**
 * Money is an integer count of nano-USD (1 USD = 1e9 nano-USD), held as `bigint` so that sums are exact and BIGINT
 * in the database. USD numbers ({@link Usd}) exist only at the API edge: JSON replies, response headers, config.
 */
declare const nanoUsdBrand: unique symbol;
declare const usdBrand: unique symbol;

/** An exact amount of money in nano-USD. Build one with {@link nanoUsd} or {@link usdToNanoUsd}. */
export type NanoUsd = bigint & { readonly [nanoUsdBrand]: true };

/** A USD amount as a float, for display and the wire only: never sum these, sum {@link NanoUsd}. */
export type Usd = number & { readonly [usdBrand]: true };

/** Nano-USD in one US dollar. */
export const NANO_USD_PER_USD = 1_000_000_000n as NanoUsd;

/** The largest amount a BIGINT column holds (about 9.2 billion USD). */
export const MAX_NANO_USD = (2n ** 63n - 1n) as NanoUsd;

/** Zero nano-USD. */
export const ZERO_NANO_USD = 0n as NanoUsd;

/**
 * An integer amount of nano-USD as a {@link NanoUsd}: a bigint, a safe integer number, or a decimal integer string.
 * Throws RangeError for a fraction, an unsafe number, malformed text, or an amount beyond BIGINT either way.
 */
export function nanoUsd(value: bigint | number | string): NanoUsd {
  let amount: bigint;
  if (typeof value === 'bigint') {
    amount = value;
  } else if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) throw new RangeError(`nano-USD must be a safe integer, got ${value}`);
    amount = BigInt(value);
  } else {
    if (!/^-?\d{1,19}$/.test(value.trim())) throw new RangeError(`Not an integer nano-USD amount: ${JSON.stringify(value)}`);
    amount = BigInt(value.trim());
  }
  if (amount > MAX_NANO_USD || amount < -BigInt(MAX_NANO_USD)) throw new RangeError(`nano-USD amount out of range: ${amount}`);
  return amount as NanoUsd;
}

/**
 * A nano-USD amount as a number, for counters kept as numbers (live limits, metrics). Throws RangeError past 2^53
 * instead of losing precision.
 */
export function nanoUsdToNumber(amount: bigint): number {
  if (amount > BigInt(Number.MAX_SAFE_INTEGER) || amount < BigInt(Number.MIN_SAFE_INTEGER)) {
    throw new RangeError(`${amount} nano-USD is beyond 2^53`);
  }
  return Number(amount);
}
