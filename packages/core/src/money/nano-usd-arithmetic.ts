import { ZERO_NANO_USD, type NanoUsd } from './nano-usd.js';

/** The exact sum of nano-USD amounts (numbers must be safe integers; bigint keeps any size). */
export function sumNanoUsd(amounts: Iterable<bigint | number>): NanoUsd {
  let total = 0n;
  for (const amount of amounts) {
    if (typeof amount === 'number' && !Number.isSafeInteger(amount)) throw new RangeError(`nano-USD must be a safe integer, got ${amount}`);
    total += BigInt(amount);
  }
  return total === 0n ? ZERO_NANO_USD : (total as NanoUsd);
}

/** Sort order of two amounts: negative when `a < b`, 0 when equal, positive when `a > b`. */
export function compareNanoUsd(a: bigint, b: bigint): -1 | 0 | 1 {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The larger of some amounts; 0 when there are none. */
export function maxNanoUsd(...amounts: bigint[]): NanoUsd {
  let largest: bigint | undefined;
  for (const amount of amounts) if (largest === undefined || amount > largest) largest = amount;
  return (largest ?? ZERO_NANO_USD) as NanoUsd;
}
