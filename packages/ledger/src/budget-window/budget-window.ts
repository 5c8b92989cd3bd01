import { parseDuration, type Duration } from './parse-duration.js';
import { windowGridOf } from './window-grid.js';
import { assertTimeZone, boundaryInstants, offsetAt } from './zoned-time.js';

/** One budget or rate window: `[start, end)`. */
export interface BudgetWindow {
  /** First instant of the window (inclusive). */
  start: Date;
  /** First instant of the next window (exclusive); LiteLLM's `budget_reset_at`. */
  end: Date;
}

/** Where and when to look for a window. */
export interface BudgetWindowOptions {
  /** A duration string (`30d`) or a parsed one. */
  duration: string | Duration;
  /** The instant whose window is wanted. */
  at: Date | number;
  /** IANA zone the calendar is read in (LiteLLM's `litellm_settings.timezone`); default UTC. */
  timezone?: string;
}

/** Widest clock change known (Lord Howe is 30 min, most are 1 h); we look this far either side for offsets. */
const MAX_CLOCK_CHANGE_MS = 3 * 3_600_000;

/**
 * The window containing `at`. Pure: the same inputs give the same window on every proxy, so a live counter can be
 * keyed by `start` and needs no reset job. Across clock changes the window keeps to wall time: a `1h` window in the
 * hour repeated when clocks go back ends when the wall clock shows the next whole hour, and boundaries that fall in
 * a skipped hour land on the moment the clocks jump.
 */
export function budgetWindowAt(options: BudgetWindowOptions): BudgetWindow {
  const timezone = options.timezone ?? 'UTC';
  assertTimeZone(timezone);
  const duration = typeof options.duration === 'string' ? parseDuration(options.duration) : options.duration;
  const grid = windowGridOf(duration);
  const at = typeof options.at === 'number' ? options.at : options.at.getTime();
  if (!Number.isFinite(at)) throw new RangeError('budgetWindowAt: `at` is not a valid time');

  // Near a clock change `at` has two plausible wall readings; boundaries around both are candidates.
  const offsets = new Set([offsetAt(at - MAX_CLOCK_CHANGE_MS, timezone), offsetAt(at, timezone), offsetAt(at + MAX_CLOCK_CHANGE_MS, timezone)]);
  let start = -Infinity;
  let end = Infinity;
  for (const offset of offsets) {
    const index = grid.indexOf(at + offset);
    for (let candidate = index - 1; candidate <= index + 2; candidate += 1) {
      for (const instant of boundaryInstants(grid.startOf(candidate), timezone)) {
        if (instant <= at && instant > start) start = instant;
        if (instant > at && instant < end) end = instant;
      }
    }
  }
  return { start: new Date(start), end: new Date(end) };
}

/** Options of {@link nextBudgetResetAt}. */
export interface NextBudgetResetOptions {
  /** A duration string (`30d`) or a parsed one. */
  duration: string | Duration;
  /** The instant to count from (usually now). */
  from: Date | number;
  /** IANA zone; default UTC. */
  timezone?: string;
}

/**
 * The next calendar-aligned reset strictly after `from` (LiteLLM's `budget_reset_at`): `1d` → next local midnight,
 * `7d` → next Monday 00:00, `30d`/`1mo` → the 1st of next month, `30m` → next :00 or :30.
 */
export function nextBudgetResetAt(options: NextBudgetResetOptions): Date {
  return budgetWindowAt({ duration: options.duration, at: options.from, timezone: options.timezone }).end;
}
