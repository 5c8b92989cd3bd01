import type { TeamFieldsInput } from '@tollgate/ledger';
import { z } from 'zod';
import {
  budgetLimits,
  duration,
  entityId,
  entityIds,
  limit,
  metadata,
  modelAliasMap,
  modelLimitMap,
  modelMaxBudget,
  modelNames,
  notSupported,
  notSupportedQuery,
  usdAmount,
  budgetAndLimitFields,
} from './common-fields.js';

const teamRole = z.enum(['admin', 'user']);

/** A team member named by id or email (LiteLLM's `Member`). */
export const memberSchema = z
  .strictObject({
    role: teamRole.default('user'),
    user_id: entityId.optional(),
    user_email: z.email().max(320).optional(),
  })
  .refine((member) => member.user_id !== undefined || member.user_email !== undefined, {
    error: 'a member needs user_id or user_email',
    path: ['user_id'],
  });

/** Fields of a team that `/team/new` and `/team/update` accept (LiteLLM's `NewTeamRequest` / `UpdateTeamRequest`). */
const teamFields = {
  team_alias: z.string().min(1).max(255).nullable().optional(),
  metadata: metadata.optional(),
  models: modelNames.optional(),
  ...budgetAndLimitFields,
  model_aliases: modelAliasMap.optional(),
  blocked: z.boolean().optional(),
  model_rpm_limit: modelLimitMap.optional(),
  model_tpm_limit: modelLimitMap.optional(),
  model_max_budget: modelMaxBudget.optional(),
  budget_limits: budgetLimits.optional(),
  team_member_budget: usdAmount.nullable().optional(),
  team_member_budget_duration: duration.nullable().optional(),
  team_member_rpm_limit: limit.nullable().optional(),
  team_member_tpm_limit: limit.nullable().optional(),
  // Known LiteLLM fields without a Tollgate implementation: refused unless empty.
  organization_id: notSupported,
  tags: notSupported,
  rpm_limit_type: notSupported,
  tpm_limit_type: notSupported,
  team_member_key_duration: notSupported,
  team_member_permissions: notSupported,
  guardrails: notSupported,
  policies: notSupported,
  prompts: notSupported,
  object_permission: notSupported,
  router_settings: notSupported,
  access_group_ids: notSupported,
  project_id: notSupported,
};

/** `POST /team/new`. */
export const newTeamBody = z.strictObject({
  ...teamFields,
  team_id: entityId.optional(),
  members_with_roles: z.array(memberSchema).max(1000).optional(),
  /** LiteLLM's deprecated member lists. */
  admins: notSupported,
  members: notSupported,
});

/** `POST /team/update`. */
export const updateTeamBody = z.strictObject({ ...teamFields, team_id: entityId, spend: usdAmount.optional() });

/** `POST /team/delete`. */
export const deleteTeamsBody = z.strictObject({ team_ids: entityIds });

/** `POST /team/block`, `/team/unblock`. */
export const blockTeamBody = z.strictObject({ team_id: entityId });

/** `POST /team/member_add`: one member or a list. */
export const addMembersBody = z.strictObject({
  team_id: entityId,
  member: z.union([memberSchema, z.array(memberSchema).min(1).max(1000)]),
  max_budget_in_team: usdAmount.nullable().optional(),
});

/** `POST /team/member_delete`. */
export const deleteMemberBody = z
  .strictObject({ team_id: entityId, user_id: entityId.optional(), user_email: z.email().optional() })
  .refine((body) => body.user_id !== undefined || body.user_email !== undefined, {
    error: 'pass user_id or user_email',
    path: ['user_id'],
  });

/** `POST /team/member_update`. */
export const updateMemberBody = z
  .strictObject({
    team_id: entityId,
    user_id: entityId.optional(),
    user_email: z.email().optional(),
    role: teamRole.optional(),
    max_budget_in_team: usdAmount.nullable().optional(),
    tpm_limit: limit.nullable().optional(),
    rpm_limit: limit.nullable().optional(),
  })
  .refine((body) => body.user_id !== undefined || body.user_email !== undefined, {
    error: 'pass user_id or user_email',
    path: ['user_id'],
  });

/** `GET /team/info`. */
export const teamInfoQuery = z.strictObject({ team_id: entityId });

/** `GET /team/list`. */
export const listTeamsQuery = z.strictObject({
  user_id: entityId.optional(),
  team_alias: z.string().min(1).optional(),
  organization_id: notSupportedQuery,
});

type TeamFieldsBody = z.output<z.ZodObject<typeof teamFields>> & { spend?: bigint };

/** The store's input for the team fields present in a body. */
export function toTeamFieldsInput(body: Partial<TeamFieldsBody>): TeamFieldsInput {
  const input: TeamFieldsInput = {
    teamAlias: body.team_alias,
    metadata: body.metadata,
    models: body.models,
    maxBudgetNano: body.max_budget,
    softBudgetNano: body.soft_budget,
    budgetDuration: body.budget_duration,
    tpmLimit: body.tpm_limit,
    rpmLimit: body.rpm_limit,
    maxParallelRequests: body.max_parallel_requests,
    modelAliases: body.model_aliases,
    blocked: body.blocked,
    modelRpmLimit: body.model_rpm_limit,
    modelTpmLimit: body.model_tpm_limit,
    modelMaxBudget: body.model_max_budget,
    budgetLimits: body.budget_limits,
    teamMemberBudgetNano: body.team_member_budget,
    teamMemberBudgetDuration: body.team_member_budget_duration,
    teamMemberRpmLimit: body.team_member_rpm_limit,
    teamMemberTpmLimit: body.team_member_tpm_limit,
    spendNano: body.spend,
  };
  return Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined));
}
