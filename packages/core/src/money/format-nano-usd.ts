/**
 * Renders an integer amount of a sub-unit as an exact decimal string, e.g. `formatScaled(2_500_000_000n, 9)` →
 * `"2.5"`. No floats are involved, so what is printed is exactly what was computed.
 */
export function formatScaled(amount: bigint | number, decimals: number): string {
  const value = BigInt(amount);
  const negative = value < 0n;
  const digits = (negative ? -value : value).toString().padStart(decimals + 1, '0');
  const whole = digits.slice(0, digits.length - decimals);
  const fraction = digits.slice(digits.length - decimals).replace(/0+$/, '');
  return `${negative ? '-' : ''}${whole}${fraction === '' ? '' : `.${fraction}`}`;
}

/** Integer nano-USD → exact USD string such as `"0.0075"` (no `$`, no trailing zeros). */
export function formatNanoUsd(amount: bigint | number): string {
  return formatScaled(amount, 9);
}
