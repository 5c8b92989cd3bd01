import { parseDuration, type Duration } from './parse-duration.js';

/** Options of {@link addDuration}. */
export interface AddDurationOptions {
  /** Start instant. */
  from: Date | number;
  /** A duration string (`30d`) or a parsed one. */
  duration: string | Duration;
}

const UNIT_MS = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 } as const;

/**
 * `from + duration`, not calendar-aligned: what LiteLLM does for a key's `expires`. Months add calendar months in UTC
 * and clamp the day (Jan 31 + 1mo → Feb 28/29).
 */
export function addDuration(options: AddDurationOptions): Date {
  const duration = typeof options.duration === 'string' ? parseDuration(options.duration) : options.duration;
  const from = typeof options.from === 'number' ? options.from : options.from.getTime();
  if (duration.unit !== 'mo') return new Date(from + duration.value * UNIT_MS[duration.unit]);
  const start = new Date(from);
  const targetMonth = start.getUTCMonth() + duration.value;
  const lastDay = new Date(Date.UTC(start.getUTCFullYear(), targetMonth + 1, 0)).getUTCDate();
  const result = new Date(start);
  result.setUTCDate(1);
  result.setUTCMonth(targetMonth);
  result.setUTCDate(Math.min(start.getUTCDate(), lastDay));
  return result;
}
