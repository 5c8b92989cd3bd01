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
  let byKeyAndModel = db
    .selectFrom('daily_spend')
    .select((eb) => ['date', 'api_key', 'model', eb.fn.sum<bigint | string>('spend_nano').as('spend')])
    .where('date', '>=', range.startDate)
    .where('date', '<=', range.endDate)
    .groupBy(['date', 'api_key', 'model']);
  byKeyAndModel = options.userId === undefined ? byKeyAndModel.where('entity_type', '=', 'global') : byKeyAndModel.where('entity_type', '=', 'user').where('entity_id', '=', options.userId);
  let byUser = db
    .selectFrom('daily_spend')
    .select((eb) => ['date', 'entity_id', eb.fn.sum<bigint | string>('spend_nano').as('spend')])
    .where('entity_type', '=', 'user')
    .where('date', '>=', range.startDate)
    .where('date', '<=', range.endDate)
    .groupBy(['date', 'entity_id']);
  if (apiKey !== undefined) {
    byKeyAndModel = byKeyAndModel.where('api_key', '=', apiKey);
    byUser = byUser.where('api_key', '=', apiKey);
  }
  if (options.userId !== undefined) byUser = byUser.where('entity_id', '=', options.userId);
  const [keyModelRows, userRows] = await Promise.all([byKeyAndModel.execute(), byUser.execute()]);

  const days = new Map<string, DailySpendSummary>(daysOf(range).map((date) => [date, { date, spendNano: 0n, users: {}, models: {}, apiKeys: {} }]));
  for (const row of keyModelRows) {
    const day = days.get(row.date);
    if (day === undefined) continue;
    const spend = readBigInt(row.spend);
    day.spendNano += spend;
    day.models[row.model] = (day.models[row.model] ?? 0n) + spend;
    day.apiKeys[row.api_key] = (day.apiKeys[row.api_key] ?? 0n) + spend;
  }
  for (const row of userRows) {
    const day = days.get(row.date);
    if (day !== undefined) day.users[row.entity_id] = (day.users[row.entity_id] ?? 0n) + readBigInt(row.spend);
  }
  return [...days.values()];
}
