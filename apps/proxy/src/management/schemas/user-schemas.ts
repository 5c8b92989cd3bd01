import { USER_ROLES, type UserFieldsInput, type UserSortField } from '@tollgate/ledger';
import { z } from 'zod';
import {
  entityId,
  entityIds,
  keyDuration,
  metadata,
  modelAliasMap,
  modelMaxBudget,
  modelNames,
  notSupported,
  notSupportedQuery,
  queryCsv,
  queryPositiveInteger,
  usdAmount,
  budgetAndLimitFields,
} from './common-fields.js';

const userRole = z.enum(USER_ROLES as [string, ...string[]]);

/** Fields of a user that `/user/new` and `/user/update` accept (LiteLLM's `NewUserRequest` / `UpdateUserRequest`). */
const userFields = {
  user_email: z.email().max(320).nullable().optional(),
  user_alias: z.string().min(1).max(255).nullable().optional(),
  user_role: userRole.optional(),
  ...budgetAndLimitFields,
  models: modelNames.optional(),
  model_max_budget: modelMaxBudget.optional(),
  metadata: metadata.optional(),
  spend: usdAmount.optional(),
  // Known LiteLLM fields without a Tollgate implementation: refused unless empty.
  organizations: notSupported,
  sso_user_id: notSupported,
  password: notSupported,
  send_invite_email: notSupported,
  object_permission: notSupported,
  prompts: notSupported,
  guardrails: notSupported,
  allowed_cache_controls: notSupported,
  config: notSupported,
  permissions: notSupported,
  model_rpm_limit: notSupported,
  model_tpm_limit: notSupported,
  tags: notSupported,
  blocked: notSupported,
};

/** A team to join on `/user/new`: its id, or `{team_id, max_budget_in_team, user_role}`. */
const teamEntry = z.union([
  entityId.transform((teamId) => ({ teamId, role: 'user' as const, maxBudgetInTeamNano: undefined })),
  z
    .strictObject({ team_id: entityId, max_budget_in_team: usdAmount.nullable().optional(), user_role: z.enum(['admin', 'user']).optional() })
    .transform((entry) => ({ teamId: entry.team_id, role: entry.user_role ?? 'user', maxBudgetInTeamNano: entry.max_budget_in_team })),
]);

/** `POST /user/new`; the key fields (`duration`, `key_alias`, `aliases`) shape the auto-created key. */
export const newUserBody = z.strictObject({
  ...userFields,
  user_id: entityId.optional(),
  teams: z.array(teamEntry).max(100).optional(),
  /** Legacy single team: the user joins it and the auto-created key belongs to it. */
  team_id: entityId.optional(),
  auto_create_key: z.boolean().optional(),
  duration: keyDuration.optional(),
  key_alias: z.string().min(1).max(255).optional(),
  aliases: modelAliasMap.optional(),
});

/** `POST /user/update`: `user_id` or `user_email` names the user. */
export const updateUserBody = z
  .strictObject({ ...userFields, user_id: entityId.optional() })
  .refine((body) => body.user_id !== undefined || (body.user_email !== undefined && body.user_email !== null), {
    error: 'pass user_id (or user_email) to name the user to update',
    path: ['user_id'],
  });

/** `POST /user/bulk_update`: up to 500 `/user/update` bodies, or one set of fields for every user. */
export const bulkUpdateUsersBody = z
  .strictObject({
    users: z.array(updateUserBody).min(1).max(500).optional(),
    all_users: z.boolean().optional(),
    user_updates: z.strictObject(userFields).omit({ user_email: true }).optional(),
  })
  .refine((body) => (body.users !== undefined) !== (body.all_users === true && body.user_updates !== undefined), {
    error: "pass either 'users' (a list of updates) or 'all_users': true with 'user_updates'",
    path: ['users'],
  });

/** `POST /user/delete`. */
export const deleteUsersBody = z.strictObject({ user_ids: entityIds });

/** `GET /user/info`. */
export const userInfoQuery = z.strictObject({ user_id: entityId.optional() });

const sortFields = ['user_id', 'user_email', 'created_at', 'spend', 'user_alias', 'user_role'] as const satisfies readonly UserSortField[];

/** `GET /user/list`. */
export const listUsersQuery = z.strictObject({
  role: userRole.optional(),
  user_ids: queryCsv.optional(),
  user_email: z.string().min(1).optional(),
  team: entityId.optional(),
  page: queryPositiveInteger(1_000_000).optional(),
  page_size: queryPositiveInteger(100).optional(),
  sort_by: z.enum(sortFields).optional(),
  sort_order: z.enum(['asc', 'desc']).optional(),
  sso_user_ids: notSupportedQuery,
  organization_ids: notSupportedQuery,
});

type UserFieldsBody = z.output<z.ZodObject<typeof userFields>>;

/** The store's input for the user fields present in a body. */
export function toUserFieldsInput(body: Partial<UserFieldsBody>): UserFieldsInput {
  const input: UserFieldsInput = {
    userEmail: body.user_email,
    userAlias: body.user_alias,
    userRole: body.user_role as UserFieldsInput['userRole'],
    maxBudgetNano: body.max_budget,
    softBudgetNano: body.soft_budget,
    budgetDuration: body.budget_duration,
    models: body.models,
    tpmLimit: body.tpm_limit,
    rpmLimit: body.rpm_limit,
    maxParallelRequests: body.max_parallel_requests,
    modelMaxBudget: body.model_max_budget,
    metadata: body.metadata,
    spendNano: body.spend,
  };
  return Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined));
}
