import type { Kysely } from 'kysely';
import { readBigInt } from '../db/column-values.js';
import type { LedgerSchema } from '../db/ledger-schema.js';
import { toKeyHash } from '../keys/api-key.js';
import { daysOf, toReportDateRange } from './report-dates.js';

/** Filters of {@link summarizeSpend} (LiteLLM's `/spend/logs?summarize=true` with a date range). */
export interface SummarizeSpendOptions {
  startDate: Date | string;
  endDate: Date | string;
  /** Only this key (raw or hash). */
  apiKey?: string;
  /** Only this internal user. */
  userId?: string;
}

/** Spend of one UTC day, split by user, model and key. */
export interface DailySpendSummary {
  date: string;
  spendNano: bigint;
  /** Per internal user (calls without a user are in `spendNano` only). */
  users: Record<string, bigint>;
  /** Per model the provider ran. */
  models: Record<string, bigint>;
  /** Per key hash. */
  apiKeys: Record<string, bigint>;
}

/**
 * Daily spend over a range, read from the rollup table (one row per day × key × model, not per call), with every
 * day of the range present (zero when nothing was spent).
 */
export async function summarizeSpend(db: Kysely<LedgerSchema>, options: SummarizeSpendOptions): Promise<DailySpendSummary[]> {
  const range = toReportDateRange(options);
  const apiKey = options.apiKey === undefined ? undefined : toKeyHash(options.apiKey);
  // Per model and per key separately, not per key × model: the same sums, but a fleet-wide month comes back as
  // days × (models + keys) rows instead of days × keys × models.
  const globalRows = (dimension: 'model' | 'api_key') => {
    let query = db
      .selectFrom('daily_spend')
      .select((eb) => ['date', eb.ref(dimension).as('name'), eb.fn.sum<bigint | string>('spend_nano').as('spend')])
      .where('date', '>=', range.startDate)
      .where('date', '<=', range.endDate)
      .groupBy(['date', dimension]);
    query = options.userId === undefined ? query.where('entity_type', '=', 'global') : query.where('entity_type', '=', 'user').where('entity_id', '=', options.userId);
    return apiKey === undefined ? query : query.where('api_key', '=', apiKey);
  };
  let byUser = db
    .selectFrom('daily_spend')
    .select((eb) => ['date', 'entity_id', eb.fn.sum<bigint | string>('spend_nano').as('spend')])
    .where('entity_type', '=', 'user')
    .where('date', '>=', range.startDate)
    .where('date', '<=', range.endDate)
    .groupBy(['date', 'entity_id']);
  if (apiKey !== undefined) byUser = byUser.where('api_key', '=', apiKey);
  if (options.userId !== undefined) byUser = byUser.where('entity_id', '=', options.userId);
  const [modelRows, keyRows, userRows] = await Promise.all([globalRows('model').execute(), globalRows('api_key').execute(), byUser.execute()]);

  const days = new Map<string, DailySpendSummary>(daysOf(range).map((date) => [date, { date, spendNano: 0n, users: {}, models: {}, apiKeys: {} }]));
  for (const row of modelRows) {
    const day = days.get(row.date);
    if (day === undefined) continue;
    const spend = readBigInt(row.spend);
    day.spendNano += spend;
    day.models[row.name] = (day.models[row.name] ?? 0n) + spend;
  }
  for (const row of keyRows) {
    const day = days.get(row.date);
    if (day !== undefined) day.apiKeys[row.name] = (day.apiKeys[row.name] ?? 0n) + readBigInt(row.spend);
  }
  for (const row of userRows) {
    const day = days.get(row.date);
    if (day !== undefined) day.users[row.entity_id] = (day.users[row.entity_id] ?? 0n) + readBigInt(row.spend);
  }
  return [...days.values()];
}
