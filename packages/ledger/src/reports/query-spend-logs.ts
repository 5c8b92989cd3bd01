import { BadRequestError } from '@tollgate/core';
import type { Kysely } from 'kysely';
import type { LedgerSchema } from '../db/ledger-schema.js';
import { toKeyHash } from '../keys/api-key.js';
import { instantBoundsOf, toReportDateRange } from './report-dates.js';
import { rowToSpendLogRecord, type SpendLogRecord } from './spend-log-record.js';

/** Filters of {@link querySpendLogs} (LiteLLM's `/spend/logs` with `summarize=false`). All combine with AND. */
export interface SpendLogQuery {
  /** Raw key or hash. */
  apiKey?: string;
  /** Internal user. */
  userId?: string;
  requestId?: string;
  teamId?: string;
  endUser?: string;
  sessionId?: string;
  /** First UTC day included (`YYYY-MM-DD` or Date); needs `endDate`. */
  startDate?: Date | string;
  /** Last UTC day included, whole day (LiteLLM stops at its midnight; we include it). */
  endDate?: Date | string;
  /** Most rows returned, newest first; default 1000, at most 10000. */
  limit?: number;
  offset?: number;
}

/** Spend-log rows matching the filters, newest first. Every filter rides an index (see the initial migration and `0005_partial_spend_log_indexes`). */
export async function querySpendLogs(db: Kysely<LedgerSchema>, query: SpendLogQuery = {}): Promise<SpendLogRecord[]> {
  const limit = query.limit ?? 1_000;
  const offset = query.offset ?? 0;
  if (!Number.isInteger(limit) || limit < 1 || limit > 10_000) throw new BadRequestError('limit must be between 1 and 10000', { param: 'limit' });
  if (!Number.isInteger(offset) || offset < 0) throw new BadRequestError('offset must be a non-negative integer', { param: 'offset' });
  if ((query.startDate === undefined) !== (query.endDate === undefined)) {
    throw new BadRequestError('start_date and end_date go together', { param: query.startDate === undefined ? 'start_date' : 'end_date' });
  }
  let select = db.selectFrom('spend_logs').selectAll();
  // The proxy's call id or the id the answer carried: a client knows the latter, LiteLLM keys its logs by it.
  if (query.requestId !== undefined) {
    const id = query.requestId;
    select = select.where((eb) => eb.or([eb('request_id', '=', id), eb('response_id', '=', id)]));
  }
  if (query.apiKey !== undefined) select = select.where('api_key', '=', toKeyHash(query.apiKey));
  if (query.userId !== undefined) select = select.where('user', '=', query.userId);
  if (query.teamId !== undefined) select = select.where('team_id', '=', query.teamId);
  if (query.endUser !== undefined) select = select.where('end_user', '=', query.endUser);
  if (query.sessionId !== undefined) select = select.where('session_id', '=', query.sessionId);
  if (query.startDate !== undefined && query.endDate !== undefined) {
    const { fromMs, toMs } = instantBoundsOf(toReportDateRange({ startDate: query.startDate, endDate: query.endDate }));
    select = select.where('start_time', '>=', BigInt(fromMs)).where('start_time', '<', BigInt(toMs));
  }
  const rows = await select.orderBy('start_time', 'desc').orderBy('request_id', 'desc').limit(limit).offset(offset).execute();
  return rows.map(rowToSpendLogRecord);
}
