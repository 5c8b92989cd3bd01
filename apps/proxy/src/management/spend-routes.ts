import { PermissionDeniedError } from '@tollgate/core';
import { globalSpendReport, querySpendLogs, summarizeSpend, toKeyHash } from '@tollgate/ledger';
import type { z } from 'zod';
import { toLiteLLMSpendLog } from './litellm/to-litellm-spend-log.js';
import { toLiteLLMKeySpendReport, toLiteLLMSpendReport, toLiteLLMSpendSummary } from './litellm/to-litellm-spend-report.js';
import type { ManagementContext } from '../server/proxy-context.js';
import type { ManagementCaller } from './management-caller.js';
import { canViewKey, requireReadAll } from './management-permissions.js';
import { managementRoute, type ManagementCall, type ManagementRoute } from './management-route.js';
import { parseManagementInput } from './parse-management-input.js';
import { groupedSpendReportReply, spendResponses, spendSummaryReply } from './schemas/spend-response-schemas.js';
import { spendLogsQuery, spendReportQuery } from './schemas/spend-schemas.js';

type Reply<Route extends keyof typeof spendResponses> = z.output<(typeof spendResponses)[Route]>;

/** The filters a caller's spend-log query runs with. */
interface SpendScope {
  apiKey?: string;
  userId?: string;
}

/**
 * Narrows a spend-log query to what the caller may see: proxy admins and viewers anything; a key they may view
 * (own, or their team's as team admin); otherwise their own user's logs, or, for a key without a user, its own.
 */
async function scopeOfCaller(context: ManagementContext, caller: ManagementCaller, requested: SpendScope): Promise<SpendScope> {
  if (caller.canReadAll) return requested;
  if (requested.apiKey !== undefined) {
    const key = await context.ledger.keys.get(requested.apiKey);
    if (key === undefined || !(await canViewKey(caller, key))) {
      throw new PermissionDeniedError("You may view only the spend of keys you own or administer.", { code: '403', param: 'api_key' });
    }
    return requested;
  }
  if (requested.userId !== undefined && requested.userId !== caller.userId) {
    throw new PermissionDeniedError("You may view only your own spend; proxy admins and viewers may view anyone's.", {
      code: '403',
      param: 'user_id',
    });
  }
  return caller.userId !== undefined ? { userId: caller.userId } : { apiKey: caller.tokenHash };
}

/**
 * `GET /spend/logs`. As in LiteLLM, a date range without other filters answers with a daily summary (`summarize`
 * defaults to true) and anything else with the rows, newest first (at most 1000). `summarize=true` with a key or
 * user filter summarizes that key's or user's spend.
 */
async function spendLogs(context: ManagementContext, { request, caller }: ManagementCall): Promise<Reply<'logs'>> {
  const query = parseManagementInput(spendLogsQuery, request.query);
  const scope = await scopeOfCaller(context, caller, { apiKey: query.api_key, userId: query.user_id });
  const filtered = query.api_key !== undefined || query.user_id !== undefined || query.request_id !== undefined;
  const summarize = query.request_id === undefined && (query.summarize ?? !filtered);
  if (summarize && query.start_date !== undefined && query.end_date !== undefined) {
    const days = await summarizeSpend(context.ledger.db, { startDate: query.start_date, endDate: query.end_date, ...scope });
    // Key hashes are field names here: the schema gives the reply its type.
    return spendSummaryReply.parse(toLiteLLMSpendSummary(days));
  }
  const logs = await querySpendLogs(context.ledger.db, {
    ...scope,
    requestId: query.request_id,
    startDate: query.start_date,
    endDate: query.end_date,
  });
  return logs.map(toLiteLLMSpendLog);
}

/**
 * `GET /global/spend/report` (proxy admins and viewers): daily spend grouped by team, customer, key, user or model.
 * Filtered by `api_key` or `internal_user_id` it answers with LiteLLM's per-key report instead.
 */
async function globalReport(context: ManagementContext, { request, caller }: ManagementCall): Promise<Reply<'globalReport'>> {
  requireReadAll(caller, 'read the global spend report');
  const query = parseManagementInput(spendReportQuery, request.query);
  const range = { startDate: query.start_date, endDate: query.end_date };
  if (query.api_key !== undefined || query.internal_user_id !== undefined) {
    const days = await globalSpendReport(context.ledger.db, {
      ...range,
      groupBy: 'api_key',
      apiKey: query.api_key === undefined ? undefined : toKeyHash(query.api_key),
      userId: query.internal_user_id,
    });
    return toLiteLLMKeySpendReport(days);
  }
  const days = await globalSpendReport(context.ledger.db, { ...range, groupBy: query.group_by });
  // The grouping names the list field: the schema gives the reply its type.
  return groupedSpendReportReply.parse(toLiteLLMSpendReport(days, query.group_by));
}

/** `/spend/logs` and `/global/spend/report`. */
export function spendRoutes(context: ManagementContext): ManagementRoute[] {
  const groups = ['spend_tracking_routes'];
  return [
    managementRoute({ method: 'get', paths: ['/spend/logs'], access: 'read', groups, response: spendResponses.logs, handle: (call) => spendLogs(context, call) }),
    managementRoute({ method: 'get', paths: ['/global/spend/report'], access: 'read', groups, response: spendResponses.globalReport, handle: (call) => globalReport(context, call) }),
  ];
}
