import { durationSchema, MAX_NANO_USD, usdToNanoUsd, type BudgetLimit, type ModelBudget } from '@tollgate/ledger';
import { z } from 'zod';

/**
 * Field schemas shared by the management request bodies. Money arrives as LiteLLM's USD floats and leaves here as
 * exact nano-USD (`usdToNanoUsd` reads the number's shortest decimal form, so 0.1 is exactly 100000000n).
 */

/** A USD amount ≥ 0 as nano-USD; negative budgets are refused (LiteLLM answers 400 too). */
export const usdAmount = z
  .number()
  .nonnegative()
  .transform((value, context) => {
    const nano = usdToNanoUsd(value);
    if (nano > MAX_NANO_USD) {
      context.addIssue({ code: 'custom', message: 'amount is too large' });
      return z.NEVER;
    }
    return nano;
  });

/** A budget window or lifetime (`30s`, `30m`, `24h`, `7d`, `1mo`). */
export const duration = durationSchema;

/** A key lifetime: a duration, or `-1`/null for "never expires" (LiteLLM's `/key/update` convention). */
export const keyDuration = z.union([z.literal('-1'), durationSchema]).nullable();

/** rpm, tpm and parallel-request limits: non-negative integers; null clears. */
export const limit = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);

/** Free-form metadata object. */
export const metadata = z.record(z.string(), z.unknown());

/** A list of model names (model groups, `provider/*`, access groups, or LiteLLM's special names). */
export const modelNames = z.array(z.string().min(1).max(255)).max(1000);

/** `{"alias": "model group"}` maps (key `aliases`, team `model_aliases`). */
export const modelAliasMap = z.record(z.string().min(1), z.string().min(1));

/** Per-model rpm/tpm limits. */
export const modelLimitMap = z.record(z.string().min(1), limit);

/**
 * `model_max_budget`: LiteLLM writes it as `{"gpt-4o": {"budget_limit": 5, "time_period": "1d"}}` for keys, and as
 * `{"gpt-4o": 5}` or `{"max_budget", "budget_duration"}` objects elsewhere; all three are accepted.
 */
const modelBudgetEntry = z.union([
  usdAmount.transform((maxBudgetNano): ModelBudget => ({ maxBudgetNano, budgetDuration: null })),
  z
    .strictObject({ budget_limit: usdAmount, time_period: duration.nullable().optional() })
    .transform((entry): ModelBudget => ({ maxBudgetNano: entry.budget_limit, budgetDuration: entry.time_period ?? null })),
  z
    .strictObject({ max_budget: usdAmount, budget_duration: duration.nullable().optional() })
    .transform((entry): ModelBudget => ({ maxBudgetNano: entry.max_budget, budgetDuration: entry.budget_duration ?? null })),
]);
export const modelMaxBudget = z.record(z.string().min(1), modelBudgetEntry);

/** `budget_limits`: several budget windows at once (`[{"budget_duration": "24h", "max_budget": 10}]`). */
export const budgetLimits = z
  .array(
    z
      .strictObject({ budget_duration: duration, max_budget: usdAmount })
      .transform((entry): BudgetLimit => ({ budgetDuration: entry.budget_duration, maxBudgetNano: entry.max_budget })),
  )
  .max(16);

/** An id (user, team, customer). */
export const entityId = z.string().min(1).max(255);

/** A list of ids with at least one entry. */
export const entityIds = z.array(entityId).min(1).max(1000);

function isEmptyValue(value: unknown): boolean {
  if (value === undefined || value === null || value === false || value === '') return true;
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === 'object') return Object.keys(value).length === 0;
  return false;
}

/**
 * A LiteLLM field Tollgate does not implement (guardrails, tags, organizations, …). An empty value (null, false, [],
 * {}) is accepted so that clients sending defaults keep working; anything else is a 400 naming the field, never
 * silently dropped.
 */
export const notSupported = z
  .unknown()
  .refine(isEmptyValue, { error: 'this LiteLLM field is not supported by Tollgate; leave it out' })
  .optional();

/** The same for a query-string parameter (any non-empty value is refused). */
export const notSupportedQuery = z
  .string()
  .refine((value) => value === '', { error: 'this LiteLLM parameter is not supported by Tollgate; leave it out' })
  .optional();

/** A query-string boolean (`true`/`false`). */
export const queryBoolean = z.enum(['true', 'false']).transform((value) => value === 'true');

/** A query-string positive integer. */
export const queryPositiveInteger = (max: number) =>
  z
    .string()
    .regex(/^\d+$/, 'expected a positive integer')
    .transform(Number)
    .pipe(z.number().int().min(1).max(max));

/** A query-string list given as `a,b,c` (LiteLLM's `user_ids`). */
export const queryCsv = z.string().transform((value) =>
  value
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== ''),
);

/** Budget and rate-limit fields that keys, users, teams and customers share (USD in, limits as integers). */
export const budgetAndLimitFields = {
  max_budget: usdAmount.nullable().optional(),
  soft_budget: usdAmount.nullable().optional(),
  budget_duration: duration.nullable().optional(),
  tpm_limit: limit.nullable().optional(),
  rpm_limit: limit.nullable().optional(),
  max_parallel_requests: limit.nullable().optional(),
};
