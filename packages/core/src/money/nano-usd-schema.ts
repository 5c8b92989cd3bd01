import { z } from 'zod';
import { MAX_NANO_USD, type NanoUsd } from './nano-usd.js';
import { usdToNanoUsd } from './usd-to-nano-usd.js';

const integerText = z.string().regex(/^\d{1,19}$/, 'must be a non-negative integer string of nano-USD');
const safeInteger = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);

/**
 * A non-negative nano-USD amount as it travels in JSON: a decimal integer string (exact at any size) or a safe
 * integer number. Parsed to the canonical string form so that the parsed value stays JSON-safe.
 */
export const nanoUsdStringSchema = z.union([integerText, safeInteger]).transform((value, context) => {
  const amount = BigInt(value);
  if (amount > MAX_NANO_USD) {
    context.addIssue({ code: 'custom', message: 'nano-USD amount exceeds BIGINT' });
    return z.NEVER;
  }
  return amount.toString();
});

/** Like {@link nanoUsdStringSchema}, parsed to a {@link NanoUsd} bigint (a bigint is accepted as well). */
export const nanoUsdSchema = z
  .union([integerText, safeInteger, z.bigint().nonnegative()])
  .transform((value, context) => {
    const amount = BigInt(value);
    if (amount > MAX_NANO_USD) {
      context.addIssue({ code: 'custom', message: 'nano-USD amount exceeds BIGINT' });
      return z.NEVER;
    }
    return amount as NanoUsd;
  });

/**
 * A non-negative USD amount as configs and request bodies give it (`0.5`, `"2.5e-3"`), converted exactly to
 * {@link NanoUsd}: at most 9 decimals count, the rest rounds half up.
 */
export const usdAmountSchema = z.union([z.number(), z.string()]).transform((value, context) => {
  let amount: NanoUsd;
  try {
    amount = usdToNanoUsd(value);
  } catch (error) {
    context.addIssue({ code: 'custom', message: error instanceof RangeError ? error.message : 'must be a USD amount' });
    return z.NEVER;
  }
  if (amount < 0n) {
    context.addIssue({ code: 'custom', message: 'must be a non-negative USD amount' });
    return z.NEVER;
  }
  return amount;
});
