import { z } from 'zod';
import { entityId, queryBoolean } from './common-fields.js';

/** A UTC day as `YYYY-MM-DD` (checked for real dates by the ledger, which names the param). */
const reportDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD');

/** `GET /spend/logs`. */
export const spendLogsQuery = z
  .strictObject({
    /** Raw key or hash. */
    api_key: z.string().min(1).max(512).optional(),
    user_id: entityId.optional(),
    request_id: z.string().min(1).max(255).optional(),
    start_date: reportDate.optional(),
    end_date: reportDate.optional(),
    summarize: queryBoolean.optional(),
  })
  .refine((query) => (query.start_date === undefined) === (query.end_date === undefined), {
    error: 'start_date and end_date go together',
    path: ['end_date'],
  });

/** `GET /global/spend/report`. */
export const spendReportQuery = z.strictObject({
  start_date: reportDate,
  end_date: reportDate,
  group_by: z.enum(['team', 'customer', 'api_key', 'user', 'model', 'model_group']).default('team'),
  /** Only this key (raw or hash): answers with LiteLLM's per-key report. */
  api_key: z.string().min(1).max(512).optional(),
  /** Only this internal user's keys: answers with LiteLLM's per-key report. */
  internal_user_id: entityId.optional(),
});
