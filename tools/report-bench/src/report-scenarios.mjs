// What is timed: each scenario is one proxy route's work, the same ledger call with the same arguments as
// apps/proxy/src/management/spend-routes.ts makes for an admin caller, then the LiteLLM-shaped serializer. Each
// has a check against the spend logs themselves, so a fast but wrong answer fails the run.
import { globalSpendReport, querySpendLogs, summarizeSpend, toKeyHash } from '@tollgate/ledger';
import { sql } from 'kysely';
import { benchKey, DAY_MS, rawKeyOf, REPORT_RANGE } from './bench-shape.mjs';
import { toLiteLLMKeySpendReport, toLiteLLMSpendLog, toLiteLLMSpendReport, toLiteLLMSpendSummary } from './proxy-serializers.mjs';

const KEY_INDEX = 7;
const LOG_LIMIT = 1_000;

/** The scenarios; `target: true` marks the two the < 100 ms goal is about. */
export function reportScenarios() {
  const rawKey = rawKeyOf(KEY_INDEX);
  const key = benchKey(KEY_INDEX);
  const range = { ...REPORT_RANGE };
  const dates = `start_date=${range.startDate}&end_date=${range.endDate}`;
  const bounds = { fromMs: Date.parse(`${range.startDate}T00:00:00Z`), toMs: Date.parse(`${range.endDate}T00:00:00Z`) + DAY_MS };
  const reportTotal = (days) => days.reduce((sum, day) => sum + day.groups.reduce((inner, group) => inner + group.spendNano, 0n), 0n);
  const summaryTotal = (days) => days.reduce((sum, day) => sum + day.spendNano, 0n);
  return [
    {
      name: 'report-key',
      route: `GET /global/spend/report?api_key=…&${dates}`,
      target: true,
      query: (db) => globalSpendReport(db, { ...range, groupBy: 'api_key', apiKey: toKeyHash(rawKey), userId: undefined }),
      serialize: toLiteLLMKeySpendReport,
      size: (days) => days.reduce((sum, day) => sum + day.groups.reduce((inner, group) => inner + group.breakdown.length, 0), 0),
      check: async (db, days) => expectEqual('spend', reportTotal(days), (await logTotals(db, bounds, sql`api_key = ${key.tokenHash}`)).spend),
    },
    {
      name: 'logs-key',
      route: `GET /spend/logs?api_key=…&${dates}`,
      target: true,
      query: (db) => querySpendLogs(db, { apiKey: rawKey, userId: undefined, requestId: undefined, ...range }),
      serialize: (logs) => logs.map(toLiteLLMSpendLog),
      size: (logs) => logs.length,
      check: async (db, logs) => {
        const { requests } = await logTotals(db, bounds, sql`api_key = ${key.tokenHash}`);
        const newestFirst = logs.every((log, index) => index === 0 || logs[index - 1].startTime >= log.startTime);
        const ownKey = logs.every((log) => log.apiKey === key.tokenHash);
        return expectEqual('rows', logs.length, Math.min(LOG_LIMIT, requests)) ?? (newestFirst && ownKey ? null : 'rows out of order or of another key');
      },
    },
    {
      name: 'logs-key-summary',
      route: `GET /spend/logs?api_key=…&${dates}&summarize=true`,
      target: false,
      query: (db) => summarizeSpend(db, { ...range, apiKey: rawKey }),
      serialize: toLiteLLMSpendSummary,
      size: (days) => days.length,
      check: async (db, days) => expectEqual('spend', summaryTotal(days), (await logTotals(db, bounds, sql`api_key = ${key.tokenHash}`)).spend),
    },
    {
      name: 'report-user',
      route: `GET /global/spend/report?internal_user_id=…&${dates}`,
      target: false,
      query: (db) => globalSpendReport(db, { ...range, groupBy: 'api_key', apiKey: undefined, userId: key.userId }),
      serialize: toLiteLLMKeySpendReport,
      size: (days) => days.reduce((sum, day) => sum + day.groups.reduce((inner, group) => inner + group.breakdown.length, 0), 0),
      check: async (db, days) => expectEqual('spend', reportTotal(days), (await logTotals(db, bounds, sql`"user" = ${key.userId}`)).spend),
    },
    {
      name: 'report-all-teams',
      route: `GET /global/spend/report?${dates}`,
      target: false,
      query: (db) => globalSpendReport(db, { ...range, groupBy: 'team' }),
      serialize: (days) => toLiteLLMSpendReport(days, 'team'),
      size: (days) => days.reduce((sum, day) => sum + day.groups.reduce((inner, group) => inner + group.breakdown.length, 0), 0),
      check: async (db, days) => expectEqual('spend', reportTotal(days), (await logTotals(db, bounds, sql`true`)).spend),
    },
    {
      name: 'logs-summary-all',
      route: `GET /spend/logs?${dates}`,
      target: false,
      query: (db) => summarizeSpend(db, { ...range }),
      serialize: toLiteLLMSpendSummary,
      size: (days) => days.length,
      check: async (db, days) => expectEqual('spend', summaryTotal(days), (await logTotals(db, bounds, sql`true`)).spend),
    },
  ];
}

/** Spend and call count straight from the spend logs (null cost = 0). */
async function logTotals(db, { fromMs, toMs }, where) {
  const result = await sql`select coalesce(sum(coalesce(spend_nano, 0)), 0) as spend, count(*) as requests from spend_logs
    where start_time >= ${BigInt(fromMs)} and start_time < ${BigInt(toMs)} and ${where}`.execute(db);
  const row = result.rows[0];
  return { spend: BigInt(row.spend), requests: Number(row.requests) };
}

function expectEqual(what, actual, expected) {
  return actual === expected ? null : `${what}: got ${actual}, the spend logs say ${expected}`;
}
