import { BadRequestError } from '@tollgate/core';

/**
 * Time-zone arithmetic on top of Intl (no dependency). A "wall time" is a local calendar reading encoded as the
 * epoch milliseconds it would have in UTC, so that plain integer arithmetic works on it.
 */

const HOUR_MS = 3_600_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function isUtc(timezone: string): boolean {
  return timezone === 'UTC' || timezone === 'Etc/UTC' || timezone === 'GMT' || timezone === 'Etc/GMT';
}

function formatterFor(timezone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timezone);
  if (formatter === undefined) {
    try {
      formatter = new Intl.DateTimeFormat('en-US', {
        timeZone: timezone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
        era: 'short',
      });
    } catch {
      throw new BadRequestError(`Unknown time zone ${JSON.stringify(timezone)}; use an IANA name such as "UTC"`, {
        param: 'timezone',
      });
    }
    formatters.set(timezone, formatter);
  }
  return formatter;
}

/** Throws BadRequestError unless `timezone` is an IANA zone this runtime knows. */
export function assertTimeZone(timezone: string): void {
  if (!isUtc(timezone)) formatterFor(timezone);
}

/** The zone's UTC offset in milliseconds at `instantMs` (e.g. -4 h for New York in summer). */
export function offsetAt(instantMs: number, timezone: string): number {
  if (isUtc(timezone)) return 0;
  const wholeSecond = Math.floor(instantMs / 1000) * 1000;
  const parts: Record<string, string> = {};
  for (const part of formatterFor(timezone).formatToParts(wholeSecond)) parts[part.type] = part.value;
  const year = Number(parts.year) * (parts.era === 'BC' || parts.era === 'B' ? -1 : 1);
  const wall = Date.UTC(year, Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second));
  return wall - wholeSecond;
}

/**
 * Every instant whose wall time in `timezone` is `wallMs`: one normally, two in a repeated hour (clocks set back),
 * none in a skipped hour (clocks set forward). Sorted ascending.
 */
export function instantsAtWallTime(wallMs: number, timezone: string): number[] {
  const offsets = new Set([offsetAt(wallMs - 24 * HOUR_MS, timezone), offsetAt(wallMs, timezone), offsetAt(wallMs + 24 * HOUR_MS, timezone)]);
  const instants = [...offsets].map((offset) => wallMs - offset).filter((instant) => offsetAt(instant, timezone) === wallMs - instant);
  return [...new Set(instants)].sort((a, b) => a - b);
}

/**
 * The instants a boundary at `wallMs` falls on. A wall time skipped by a forward clock change maps to the moment of
 * the change (the first instant after the gap), so boundaries inside the gap all collapse onto it.
 */
export function boundaryInstants(wallMs: number, timezone: string): number[] {
  const instants = instantsAtWallTime(wallMs, timezone);
  if (instants.length > 0) return instants;
  const before = offsetAt(wallMs - 24 * HOUR_MS, timezone);
  const after = offsetAt(wallMs + 24 * HOUR_MS, timezone);
  // The change happened between wallMs - after and wallMs - before; find it to the millisecond.
  let low = wallMs - after;
  let high = wallMs - before;
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    if (offsetAt(middle, timezone) === after) high = middle;
    else low = middle;
  }
  return [high];
}
