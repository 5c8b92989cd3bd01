import { KEY_TYPES, type KeyFieldsInput, type KeySortField } from '@tollgate/ledger';
import { z } from 'zod';
import {
  budgetLimits,
  duration,
  entityId,
  keyDuration,
  metadata,
  modelAliasMap,
  modelLimitMap,
  modelMaxBudget,
  modelNames,
  notSupported,
  notSupportedQuery,
  queryBoolean,
  queryPositiveInteger,
  usdAmount,
  budgetAndLimitFields,
} from './common-fields.js';

/** A raw `sk-…` key or its SHA-256 hex (management routes accept either, as LiteLLM's do). */
const keyReference = z.string().min(1).max(512);

/** The fields of a key that `/key/generate`, `/key/update` and `/key/regenerate` accept (LiteLLM's `KeyRequestBase`). */
const keyFields = {
  key_alias: z.string().min(1).max(255).nullable().optional(),
  duration: keyDuration.optional(),
  models: modelNames.optional(),
  aliases: modelAliasMap.optional(),
  spend: usdAmount.optional(),
  ...budgetAndLimitFields,
  user_id: entityId.nullable().optional(),
  team_id: entityId.nullable().optional(),
  metadata: metadata.optional(),
  model_max_budget: modelMaxBudget.optional(),
  model_rpm_limit: modelLimitMap.optional(),
  model_tpm_limit: modelLimitMap.optional(),
  budget_limits: budgetLimits.optional(),
  blocked: z.boolean().optional(),
  key_type: z.enum(KEY_TYPES as [string, ...string[]]).optional(),
  allowed_routes: z.array(z.string().min(1)).max(200).optional(),
  // Known LiteLLM fields without a Tollgate implementation: refused unless empty.
  agent_id: notSupported,
  allowed_cache_controls: notSupported,
  config: notSupported,
  permissions: notSupported,
  guardrails: notSupported,
  policies: notSupported,
  prompts: notSupported,
  object_permission: notSupported,
  budget_id: notSupported,
  tags: notSupported,
  enforced_params: notSupported,
  allowed_passthrough_routes: notSupported,
  allowed_vector_store_indexes: notSupported,
  rpm_limit_type: notSupported,
  tpm_limit_type: notSupported,
  router_settings: notSupported,
  access_group_ids: notSupported,
  organization_id: notSupported,
  project_id: notSupported,
  auto_rotate: notSupported,
  rotation_interval: notSupported,
  send_invite_email: notSupported,
};

/** `POST /key/generate`. */
export const generateKeyBody = z.strictObject({
  ...keyFields,
  /** Caller-chosen raw key (must start with `sk-`). */
  key: z.string().min(1).max(512).optional(),
});

/** `POST /key/service-account/generate`: a key owned by a team, not by a user. */
export const generateServiceAccountKeyBody = generateKeyBody.extend({
  team_id: entityId,
  user_id: z.custom<null>((value) => value === null, { error: 'a service-account key belongs to its team, not a user: leave it out' }).optional(),
});

/** `POST /key/update`: the key to change (raw or hash) plus any field. */
export const updateKeyBody = z.strictObject({
  ...keyFields,
  key: keyReference,
  temp_budget_increase: notSupported,
  temp_budget_expiry: notSupported,
});

/** `POST /key/bulk_update`: up to 500 updates, each like a `/key/update` body. */
export const bulkUpdateKeysBody = z.strictObject({ keys: z.array(updateKeyBody).min(1).max(500) });

/** `POST /key/regenerate` (the key may come from the path instead). */
export const regenerateKeyBody = z.strictObject({
  ...keyFields,
  key: keyReference.optional(),
  new_key: z.string().min(1).max(512).optional(),
  /** How long the old key keeps working (`24h`); default: it stops at once. */
  grace_period: duration.optional(),
  new_master_key: notSupported,
});

/** `POST /key/delete`. */
export const deleteKeysBody = z
  .strictObject({
    keys: z.array(keyReference).max(1000).optional(),
    key_aliases: z.array(z.string().min(1)).max(1000).optional(),
  })
  .refine((body) => (body.keys?.length ?? 0) + (body.key_aliases?.length ?? 0) > 0, {
    error: 'pass `keys` or `key_aliases` with at least one entry',
    path: ['keys'],
  });

/** `POST /key/block`, `POST /key/unblock`. */
export const blockKeyBody = z.strictObject({ key: keyReference });

/** `GET /key/info`. */
export const keyInfoQuery = z.strictObject({ key: keyReference.optional() });

/** `POST /v2/key/info`: several keys (raw or hash) at once. */
export const keysInfoBody = z.strictObject({ keys: z.array(keyReference).min(1).max(1000) });

const sortFields = ['spend', 'max_budget', 'created_at', 'updated_at', 'token', 'key_alias'] as const satisfies readonly KeySortField[];

/** `GET /key/list`. */
export const listKeysQuery = z.strictObject({
  page: queryPositiveInteger(1_000_000).optional(),
  size: queryPositiveInteger(100).optional(),
  user_id: entityId.optional(),
  team_id: entityId.optional(),
  key_hash: keyReference.optional(),
  key_alias: z.string().min(1).optional(),
  return_full_object: queryBoolean.optional(),
  /** Team admins always see their teams' keys here; accepted for LiteLLM clients. */
  include_team_keys: queryBoolean.optional(),
  include_created_by_keys: queryBoolean.optional(),
  sort_by: z.enum(sortFields).optional(),
  sort_order: z.enum(['asc', 'desc']).optional(),
  organization_id: notSupportedQuery,
  project_id: notSupportedQuery,
  access_group_id: notSupportedQuery,
  expand: notSupportedQuery,
  status: notSupportedQuery,
});

/** The parsed key fields of a generate, update or regenerate body. */
export type KeyFieldsBody = z.output<z.ZodObject<typeof keyFields>>;

/** The store's input for the key fields present in a body (absent fields stay absent, so an update leaves them). */
export function toKeyFieldsInput(body: Partial<KeyFieldsBody>): KeyFieldsInput {
  const input: KeyFieldsInput = {
    keyAlias: body.key_alias,
    duration: body.duration,
    models: body.models,
    aliases: body.aliases,
    spendNano: body.spend,
    maxBudgetNano: body.max_budget,
    softBudgetNano: body.soft_budget,
    budgetDuration: body.budget_duration,
    userId: body.user_id,
    teamId: body.team_id,
    maxParallelRequests: body.max_parallel_requests,
    tpmLimit: body.tpm_limit,
    rpmLimit: body.rpm_limit,
    metadata: body.metadata,
    modelMaxBudget: body.model_max_budget,
    modelRpmLimit: body.model_rpm_limit,
    modelTpmLimit: body.model_tpm_limit,
    budgetLimits: body.budget_limits,
    blocked: body.blocked,
    keyType: body.key_type as KeyFieldsInput['keyType'],
    allowedRoutes: body.allowed_routes,
  };
  return Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined));
}
