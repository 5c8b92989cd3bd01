import { BadRequestError } from '@tollgate/core';

const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 86_400_000;

/** A date as `YYYY-MM-DD` (UTC), from a Date or a string that already has that form. */
export function toReportDate(value: Date | string, param: string): string {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw new BadRequestError(`${param} is not a valid date`, { param });
    return value.toISOString().slice(0, 10);
  }
  if (!DATE_PATTERN.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`)) || new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) !== value) {
    throw new BadRequestError(`${param} must be a date in YYYY-MM-DD format, got ${JSON.stringify(value)}`, { param });
  }
  return value;
}

/** A checked inclusive range of UTC days. */
export interface ReportDateRange {
  startDate: string;
  endDate: string;
}

/** Checks a range (start ≤ end, at most `maxDays` long) given as dates or `YYYY-MM-DD`. */
export function toReportDateRange(range: { startDate: Date | string; endDate: Date | string }, maxDays = 3_660): ReportDateRange {
  const startDate = toReportDate(range.startDate, 'start_date');
  const endDate = toReportDate(range.endDate, 'end_date');
  if (startDate > endDate) throw new BadRequestError('start_date is after end_date', { param: 'start_date' });
  if (daysBetween(startDate, endDate) > maxDays) throw new BadRequestError(`date range is longer than ${maxDays} days`, { param: 'end_date' });
  return { startDate, endDate };
}

function daysBetween(startDate: string, endDate: string): number {
  return Math.round((Date.parse(`${endDate}T00:00:00Z`) - Date.parse(`${startDate}T00:00:00Z`)) / DAY_MS);
}

/** Every day of a range, in order. */
export function daysOf(range: ReportDateRange): string[] {
  const first = Date.parse(`${range.startDate}T00:00:00Z`);
  return Array.from({ length: daysBetween(range.startDate, range.endDate) + 1 }, (_, index) => new Date(first + index * DAY_MS).toISOString().slice(0, 10));
}

/** Epoch-ms bounds `[start, end)` covering the whole UTC days of a range. */
export function instantBoundsOf(range: ReportDateRange): { fromMs: number; toMs: number } {
  return { fromMs: Date.parse(`${range.startDate}T00:00:00Z`), toMs: Date.parse(`${range.endDate}T00:00:00Z`) + DAY_MS };
}
