import { parseDuration } from '@tollgate/ledger';

const UNIT_MS = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 } as const;

/** Options of {@link retentionCutoff}. */
export interface RetentionCutoffOptions {
  /** How long spend logs are kept (`maximum_spend_logs_retention_period`): `30d`, `12w`, `6mo`, … */
  retentionPeriod: string;
  now: Date;
}

/**
 * The instant before which spend logs are deleted: `now − retentionPeriod`. Months step back calendar months in UTC,
 * clamping the day (Mar 31 − 1mo → Feb 28/29), the mirror of the ledger's `addDuration`.
 */
export function retentionCutoff(options: RetentionCutoffOptions): Date {
  const duration = parseDuration(options.retentionPeriod);
  const nowMs = options.now.getTime();
  if (duration.unit !== 'mo') return new Date(nowMs - duration.value * UNIT_MS[duration.unit]);
  const cutoff = new Date(nowMs);
  const targetMonth = cutoff.getUTCMonth() - duration.value;
  const lastDay = new Date(Date.UTC(cutoff.getUTCFullYear(), targetMonth + 1, 0)).getUTCDate();
  const day = cutoff.getUTCDate();
  cutoff.setUTCDate(1);
  cutoff.setUTCMonth(targetMonth);
  cutoff.setUTCDate(Math.min(day, lastDay));
  return cutoff;
}
