import { formatNanoUsd, formatScaled } from '@tollgate/core';

export { formatNanoUsd };

/** `nano-USD per 1M tokens` → `"$2.5 / 1M tokens"`-style USD amount (USD per 1M tokens), exact. */
export function formatUsdPerMillionTokens(nanoUsdPerMillionTokens: number): string {
  return `$${formatScaled(nanoUsdPerMillionTokens, 9)}`;
}

/** Integer femto-USD (1e-15 USD) → exact USD string. */
export function formatFemtoUsd(femtoUsd: bigint): string {
  return formatScaled(femtoUsd, 15);
}
