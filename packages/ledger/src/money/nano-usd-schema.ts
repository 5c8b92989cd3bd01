import { z } from 'zod';
import { MAX_NANO_USD } from './nano-usd.js';

/**
 * A non-negative nano-USD amount as it travels in JSON: a decimal integer string (exact at any size) or a safe
 * integer number. Parsed to the canonical string form so that the parsed value stays JSON-safe.
 */
export const nanoUsdStringSchema = z
  .union([
    z.string().regex(/^\d{1,19}$/, 'must be a non-negative integer string of nano-USD'),
    z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
  ])
  .transform((value, context) => {
    const amount = BigInt(value);
    if (amount > MAX_NANO_USD) {
      context.addIssue({ code: 'custom', message: 'nano-USD amount exceeds BIGINT' });
      return z.NEVER;
    }
    return amount.toString();
  });
