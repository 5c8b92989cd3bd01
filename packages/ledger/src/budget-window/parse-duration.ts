import { BadRequestError } from '@tollgate/core';
import { z } from 'zod';

/** Units of a LiteLLM duration string: seconds, minutes, hours, days, weeks, months. */
export type DurationUnit = 's' | 'm' | 'h' | 'd' | 'w' | 'mo';

/** A parsed duration such as `30d` → `{ value: 30, unit: 'd' }`. */
export interface Duration {
  /** How many units; a positive integer. */
  value: number;
  /** The unit. */
  unit: DurationUnit;
}

const DURATION_PATTERN = /^(\d{1,7})(mo|s|m|h|d|w)$/;

/** Whether `text` is a duration this module understands (`30s`, `30m`, `24h`, `7d`, `2w`, `1mo`). */
export function isDuration(text: string): boolean {
  const match = DURATION_PATTERN.exec(text.trim());
  return match !== null && Number(match[1]) > 0;
}

/**
 * Parses a LiteLLM duration (`budget_duration`, key `duration`). Unlike LiteLLM, which reads a prefix and falls back
 * to "daily" on junk, anything but `<positive integer><unit>` is refused: a typo must not silently change a budget.
 */
export function parseDuration(text: string): Duration {
  const match = DURATION_PATTERN.exec(text.trim());
  const value = Number(match?.[1]);
  if (match === null || value <= 0) {
    throw new BadRequestError(
      `Invalid duration ${JSON.stringify(text)}: expected a positive integer and a unit (s, m, h, d, w, mo), e.g. "30d"`,
    );
  }
  return { value, unit: match[2] as DurationUnit };
}

/** zod schema for a duration string field (`budget_duration`, `duration`). */
export const durationSchema = z
  .string()
  .refine(isDuration, { error: 'expected a duration such as "30s", "30m", "24h", "7d", "1mo"' });
