import { BadRequestError } from '@tollgate/core';
import type { Kysely } from 'kysely';
import { readBigInt, readInt } from '../db/column-values.js';
import type { LedgerSchema } from '../db/ledger-schema.js';
import { toKeyHash } from '../keys/api-key.js';
import { toReportDateRange } from './report-dates.js';

/** What `/global/spend/report` groups by. */
export type SpendReportGroupBy = 'team' | 'customer' | 'user' | 'api_key' | 'model' | 'model_group';

const SPEC = {
  team: { partition: 'team', column: 'entity_id' },
  customer: { partition: 'customer', column: 'entity_id' },
  user: { partition: 'user', column: 'entity_id' },
  api_key: { partition: 'global', column: 'api_key' },
  model: { partition: 'global', column: 'model' },
  model_group: { partition: 'global', column: 'model_group' },
} as const;

/** Options of {@link globalSpendReport}. */
export interface GlobalSpendReportOptions {
  startDate: Date | string;
  endDate: Date | string;
  /** Default `team` (LiteLLM's default). */
  groupBy?: SpendReportGroupBy;
  /** Only this key (raw or hash). */
  apiKey?: string;
  /** Only keys of this internal user (LiteLLM's `internal_user_id`); with groupBy user, team or customer it narrows too. */
  userId?: string;
}

/** Spend of one (key, model) pair inside a group on one day. */
export interface SpendReportLine {
  model: string;
  /** Key hash ('' when the call had none). */
  apiKey: string;
  spendNano: bigint;
  promptTokens: number;
  completionTokens: number;
  totalTokens: number;
  requests: number;
}

/** One group (team, customer, key, …) on one day. */
export interface SpendReportGroup {
  /** The team id, customer id, key hash, model… ('' = none, e.g. calls with no team). */
  groupId: string;
  /** Team alias or key alias when there is one. */
  name: string | null;
  spendNano: bigint;
  promptTokens: number;
  completionTokens: number;
  totalTokens: number;
  requests: number;
  /** Per key and model, as LiteLLM's `metadata` list. */
  breakdown: SpendReportLine[];
}

/** One day of the report (days without spend are left out, as LiteLLM does). */
export interface SpendReportDay {
  date: string;
  groups: SpendReportGroup[];
}

/**
 * Daily spend per team, customer, user, key or model, read from the rollup table only: the rows scanned grow with
 * days × groups × models × keys in the range, not with the number of calls, and the primary key starts with
 * (entity_type, date), so the scan is one index range. Narrowed to one key or one user, it seeks that key's or user's
 * rows by the report indexes (migration 0004) instead of walking every key of the range.
 */
export async function globalSpendReport(db: Kysely<LedgerSchema>, options: GlobalSpendReportOptions): Promise<SpendReportDay[]> {
  const range = toReportDateRange(options);
  const groupBy = options.groupBy ?? 'team';
  const spec = SPEC[groupBy];
  if (spec === undefined) throw new BadRequestError(`group_by must be one of ${Object.keys(SPEC).join(', ')}`, { param: 'group_by' });
  const usesUserPartition = options.userId !== undefined && spec.partition !== 'team' && spec.partition !== 'customer';
  let query = db
    .selectFrom('daily_spend')
    .select((eb) => [
      'date',
      eb.ref(spec.column).as('group_id'),
      'model',
      'api_key',
      eb.fn.sum<bigint | string>('spend_nano').as('spend'),
      eb.fn.sum<bigint | string>('prompt_tokens').as('prompt_tokens'),
      eb.fn.sum<bigint | string>('completion_tokens').as('completion_tokens'),
      eb.fn.sum<bigint | string>('api_requests').as('requests'),
    ])
    .where('entity_type', '=', usesUserPartition ? 'user' : spec.partition)
    .where('date', '>=', range.startDate)
    .where('date', '<=', range.endDate)
    // Grouped in primary-key order (date, entity, key, model), so SQLite aggregates the entity partitions without a
    // sort. Ordering happens below in JS, by code unit: the same on both engines whatever the database collation.
    .groupBy(['date', spec.column, 'api_key', 'model']);
  if (options.apiKey !== undefined) query = query.where('api_key', '=', toKeyHash(options.apiKey));
  if (usesUserPartition) query = query.where('entity_id', '=', options.userId!);
  if (options.userId !== undefined && !usesUserPartition) {
    const userId = options.userId;
    query = query.where('api_key', 'in', (eb) => eb.selectFrom('keys').select('keys.token_hash').where('keys.user_id', '=', userId));
  }
  const rows = (await query.execute()).map((row) => ({ ...row, group_id: String(row.group_id) }));
  rows.sort((a, b) => compareText(a.date, b.date) || compareText(a.group_id, b.group_id) || compareText(a.api_key, b.api_key) || compareText(a.model, b.model));
  const names = await groupNames(db, groupBy, [...new Set(rows.map((row) => row.group_id))]);

  const days: SpendReportDay[] = [];
  for (const row of rows) {
    let day = days.at(-1);
    if (day === undefined || day.date !== row.date) days.push((day = { date: row.date, groups: [] }));
    const groupId = row.group_id;
    let group = day.groups.at(-1);
    if (group === undefined || group.groupId !== groupId) {
      group = { groupId, name: names.get(groupId) ?? null, spendNano: 0n, promptTokens: 0, completionTokens: 0, totalTokens: 0, requests: 0, breakdown: [] };
      day.groups.push(group);
    }
    const promptTokens = readInt(row.prompt_tokens);
    const completionTokens = readInt(row.completion_tokens);
    const line: SpendReportLine = {
      model: row.model,
      apiKey: row.api_key,
      spendNano: readBigInt(row.spend),
      promptTokens,
      completionTokens,
      totalTokens: promptTokens + completionTokens,
      requests: readInt(row.requests),
    };
    group.breakdown.push(line);
    group.spendNano += line.spendNano;
    group.promptTokens += line.promptTokens;
    group.completionTokens += line.completionTokens;
    group.totalTokens += line.totalTokens;
    group.requests += line.requests;
  }
  return days;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Display names for team ids (alias) and key hashes (alias). */
async function groupNames(db: Kysely<LedgerSchema>, groupBy: SpendReportGroupBy, ids: string[]): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  const present = ids.filter((id) => id !== '');
  if (present.length === 0) return names;
  if (groupBy === 'team') {
    const rows = await db.selectFrom('teams').select(['team_id', 'team_alias']).where('team_id', 'in', present).execute();
    for (const row of rows) if (row.team_alias !== null) names.set(row.team_id, row.team_alias);
  } else if (groupBy === 'api_key') {
    const rows = await db.selectFrom('keys').select(['token_hash', 'key_alias']).where('token_hash', 'in', present).execute();
    for (const row of rows) if (row.key_alias !== null) names.set(row.token_hash, row.key_alias);
  }
  return names;
}
