import { KEY_TYPES, USER_ROLES } from '@tollgate/ledger';
import { z } from 'zod';

/**
 * The records management replies are made of, as the LiteLLM serializers shape them: USD as numbers, instants as
 * ISO 8601 strings, snake_case names. Strict, so a field added to a serializer but not here fails the reply tests.
 */

const usd = z.number();
const nullableUsd = z.number().nullable();
const instant = z.iso.datetime();
const nullableInstant = instant.nullable();
const nullableCount = z.number().int().nullable();
const usdByName = z.record(z.string(), usd);
const countByModel = z.record(z.string(), z.number());
const metadata = z.record(z.string(), z.unknown());
const modelMaxBudget = z.record(z.string(), z.strictObject({ budget_limit: usd, time_period: z.string().nullable() }));
const budgetLimits = z.array(z.strictObject({ budget_duration: z.string(), max_budget: usd }));

/** A key (`/key/info`'s `info`, `/key/list` items, ...); `token` is its hash, present where the route shows it. */
export const keyInfoSchema = z.strictObject({
  token: z.string().optional(),
  key_name: z.string(),
  key_id: z.string(),
  key_alias: z.string().nullable(),
  spend: usd,
  max_budget: nullableUsd,
  soft_budget: nullableUsd,
  expires: nullableInstant,
  models: z.array(z.string()),
  aliases: z.record(z.string(), z.string()),
  config: z.strictObject({}),
  user_id: z.string().nullable(),
  team_id: z.string().nullable(),
  permissions: z.strictObject({}),
  max_parallel_requests: nullableCount,
  metadata,
  blocked: z.boolean(),
  tpm_limit: nullableCount,
  rpm_limit: nullableCount,
  budget_duration: z.string().nullable(),
  budget_reset_at: nullableInstant,
  allowed_cache_controls: z.array(z.never()),
  allowed_routes: z.array(z.string()),
  key_type: z.enum(KEY_TYPES),
  model_spend: usdByName,
  model_max_budget: modelMaxBudget,
  model_rpm_limit: countByModel,
  model_tpm_limit: countByModel,
  budget_limits: budgetLimits,
  created_at: instant,
  updated_at: instant,
  created_by: z.string().nullable(),
});

/** A user (`/user/info`'s `user_info`, `/user/list` items). */
export const userInfoSchema = z.strictObject({
  user_id: z.string(),
  user_email: z.string().nullable(),
  user_alias: z.string().nullable(),
  user_role: z.enum(USER_ROLES),
  models: z.array(z.string()),
  spend: usd,
  max_budget: nullableUsd,
  soft_budget: nullableUsd,
  budget_duration: z.string().nullable(),
  budget_reset_at: nullableInstant,
  tpm_limit: nullableCount,
  rpm_limit: nullableCount,
  max_parallel_requests: nullableCount,
  model_max_budget: modelMaxBudget,
  metadata,
  created_at: instant,
  updated_at: instant,
});

const teamRole = z.enum(['admin', 'user']);

/** A team (`/team/info`'s `team_info`, `/team/list` items) with its members. */
export const teamInfoSchema = z.strictObject({
  team_id: z.string(),
  team_alias: z.string().nullable(),
  models: z.array(z.string()),
  spend: usd,
  max_budget: nullableUsd,
  soft_budget: nullableUsd,
  budget_duration: z.string().nullable(),
  budget_reset_at: nullableInstant,
  tpm_limit: nullableCount,
  rpm_limit: nullableCount,
  max_parallel_requests: nullableCount,
  model_rpm_limit: countByModel,
  model_tpm_limit: countByModel,
  model_max_budget: modelMaxBudget,
  model_aliases: z.record(z.string(), z.string()),
  model_spend: usdByName,
  budget_limits: budgetLimits,
  team_member_budget: nullableUsd,
  team_member_budget_duration: z.string().nullable(),
  team_member_rpm_limit: nullableCount,
  team_member_tpm_limit: nullableCount,
  members_with_roles: z.array(z.strictObject({ user_id: z.string(), role: teamRole })),
  admins: z.array(z.string()),
  members: z.array(z.string()),
  blocked: z.boolean(),
  metadata,
  created_at: instant,
  updated_at: instant,
});

/** A membership with the member's budget inline (`team_memberships` items). */
export const teamMembershipSchema = z.strictObject({
  team_id: z.string(),
  user_id: z.string(),
  role: teamRole,
  spend: usd,
  max_budget_in_team: nullableUsd,
  litellm_budget_table: z.strictObject({
    max_budget: nullableUsd,
    budget_duration: z.string().nullable(),
    budget_reset_at: nullableInstant,
    tpm_limit: nullableCount,
    rpm_limit: nullableCount,
  }),
});

/** A customer (end user) with its budget table. */
export const customerInfoSchema = z.strictObject({
  user_id: z.string(),
  alias: z.string().nullable(),
  spend: usd,
  blocked: z.boolean(),
  allowed_model_region: z.enum(['eu', 'us']).nullable(),
  default_model: z.string().nullable(),
  metadata,
  budget_id: z.string().nullable(),
  litellm_budget_table: z.strictObject({
    max_budget: nullableUsd,
    soft_budget: nullableUsd,
    budget_duration: z.string().nullable(),
    budget_reset_at: nullableInstant,
    tpm_limit: nullableCount,
    rpm_limit: nullableCount,
    max_parallel_requests: nullableCount,
  }),
  created_at: instant,
  updated_at: instant,
});

/** One spend-log row (`/spend/logs?summarize=false`). */
export const spendLogSchema = z.strictObject({
  request_id: z.string(),
  call_type: z.string(),
  api_key: z.string().nullable(),
  spend: usd,
  cost_unknown: z.boolean(),
  total_tokens: z.number().int(),
  prompt_tokens: z.number().int(),
  completion_tokens: z.number().int(),
  cache_read_input_tokens: z.number().int(),
  cache_creation_input_tokens: z.number().int(),
  reasoning_tokens: z.number().int(),
  startTime: instant,
  endTime: instant,
  completionStartTime: nullableInstant,
  request_duration_ms: z.number(),
  model: z.string(),
  model_id: z.string().nullable(),
  model_group: z.string().nullable(),
  custom_llm_provider: z.string().nullable(),
  api_base: z.string().nullable(),
  user: z.string().nullable(),
  end_user: z.string().nullable(),
  team_id: z.string().nullable(),
  session_id: z.string().nullable(),
  status: z.enum(['success', 'failure']),
  request_tags: z.array(z.string()),
  metadata,
});

export { usd, usdByName };
