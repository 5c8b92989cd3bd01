import type { Duration } from './parse-duration.js';

/**
 * The grid of window boundaries for a duration, in wall time (see zoned-time.ts). Windows are consecutive spans of
 * local calendar time, so they line up with the clock on the wall:
 * - `Ns`, `Nm`, `Nh`, `Nd`, `Nw`: every N units counted from Monday 1970-01-05 00:00 local time. For units that divide
 *   a day this is "aligned to the clock" (`30m` → :00 and :30, `6h` → 00/06/12/18); `1d` resets at local midnight and
 *   `7d`/`1w` on Monday at midnight (LiteLLM's rules); other day counts run on a fixed fortnight-style grid.
 * - `30d` and `Nmo`: calendar months starting on the 1st at midnight (LiteLLM treats `30d` as "monthly"); `3mo` is
 *   quarters, `12mo` years.
 */
export interface WindowGrid {
  /** Index of the window containing a wall time. */
  indexOf(wallMs: number): number;
  /** Wall time at which window `index` starts. */
  startOf(index: number): number;
}

const SECOND_MS = 1000;
const DAY_MS = 86_400_000;
/** Monday 1970-01-05 00:00 as a wall time: the anchor for day, week and sub-day grids. */
const ANCHOR_MS = 4 * DAY_MS;

const UNIT_MS: Record<'s' | 'm' | 'h' | 'd' | 'w', number> = {
  s: SECOND_MS,
  m: 60 * SECOND_MS,
  h: 3_600 * SECOND_MS,
  d: DAY_MS,
  w: 7 * DAY_MS,
};

function fixedGrid(periodMs: number): WindowGrid {
  return {
    indexOf: (wallMs) => Math.floor((wallMs - ANCHOR_MS) / periodMs),
    startOf: (index) => ANCHOR_MS + index * periodMs,
  };
}

function monthGrid(periodMonths: number): WindowGrid {
  return {
    indexOf: (wallMs) => {
      const date = new Date(wallMs);
      const monthsSince1970 = (date.getUTCFullYear() - 1970) * 12 + date.getUTCMonth();
      return Math.floor(monthsSince1970 / periodMonths);
    },
    startOf: (index) => Date.UTC(1970, index * periodMonths, 1),
  };
}

/** The boundary grid of a duration. */
export function windowGridOf(duration: Duration): WindowGrid {
  if (duration.unit === 'mo') return monthGrid(duration.value);
  if (duration.unit === 'd' && duration.value === 30) return monthGrid(1);
  return fixedGrid(duration.value * UNIT_MS[duration.unit]);
}
