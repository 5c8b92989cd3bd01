import { z } from 'zod';
import { spendLogSchema, usd, usdByName } from './litellm-record-schemas.js';

/** One day of `/spend/logs?summarize=true`: totals, per user and model, and per key hash (its own field). */
const spendSummaryDay = z.object({ startTime: z.string(), spend: usd, users: usdByName, models: usdByName }).catchall(usd);

const reportLine = z.strictObject({ model: z.string(), spend: usd, total_tokens: z.number().int(), api_key: z.string().nullable() });
const day = z.iso.datetime({ offset: true });
const groupTotals = { total_spend: usd, metadata: z.array(reportLine) };

/** `/global/spend/report` grouped by team, customer, user, key, model or model group (one list field per grouping). */
const groupedSpendReport = z.array(
  z.union([
    z.strictObject({ group_by_day: day, teams: z.array(z.strictObject({ team_name: z.string(), team_id: z.string().nullable(), ...groupTotals })) }),
    z.strictObject({ group_by_day: day, customers: z.array(z.strictObject({ customer: z.string(), ...groupTotals })) }),
    z.strictObject({ group_by_day: day, users: z.array(z.strictObject({ user_id: z.string(), ...groupTotals })) }),
    z.strictObject({ group_by_day: day, api_keys: z.array(z.strictObject({ api_key: z.string(), ...groupTotals })) }),
    z.strictObject({ group_by_day: day, models: z.array(z.strictObject({ model: z.string(), ...groupTotals })) }),
    z.strictObject({ group_by_day: day, model_groups: z.array(z.strictObject({ model_group: z.string(), ...groupTotals })) }),
  ]),
);

const tokenTotals = { total_cost: usd, total_input_tokens: z.number().int(), total_output_tokens: z.number().int() };

/** `/global/spend/report` filtered by key or user: totals per key over the range, with a per-model breakdown. */
const keySpendReport = z.array(
  z.strictObject({ api_key: z.string(), ...tokenTotals, model_details: z.array(z.strictObject({ model: z.string(), ...tokenTotals })) }),
);

/** The JSON body each spend route answers with. */
export const spendResponses = {
  logs: z.union([z.array(spendLogSchema), z.array(spendSummaryDay)]),
  globalReport: z.union([keySpendReport, groupedSpendReport]),
};

/** The two shapes built from records whose field names are data (key hashes, the grouping's list name). */
export const spendSummaryReply = z.array(spendSummaryDay);
export const groupedSpendReportReply = groupedSpendReport;
