import type { TeamMemberRecord } from '@tollgate/ledger';
import type { TeamRecord } from '@tollgate/ledger';
import { isoOrNull, nullableUsd, toLiteLLMBudgetLimits, toLiteLLMModelBudgets, toLiteLLMModelSpend, usd } from './litellm-values.js';

/** A team in LiteLLM's shape (`LiteLLM_TeamTable`, `/team/info`'s `team_info`). Members come from {@link toLiteLLMTeamMembership}. */
export function toLiteLLMTeamInfo(record: TeamRecord, options: { members?: TeamMemberRecord[]; modelSpend?: Record<string, bigint> } = {}) {
  const members = options.members ?? [];
  return {
    team_id: record.teamId,
    team_alias: record.teamAlias,
    models: record.models,
    spend: usd(record.spendNano),
    max_budget: nullableUsd(record.maxBudgetNano),
    soft_budget: nullableUsd(record.softBudgetNano),
    budget_duration: record.budgetDuration,
    budget_reset_at: isoOrNull(record.budgetResetAt),
    tpm_limit: record.tpmLimit,
    rpm_limit: record.rpmLimit,
    max_parallel_requests: record.maxParallelRequests,
    model_rpm_limit: record.modelRpmLimit,
    model_tpm_limit: record.modelTpmLimit,
    model_max_budget: toLiteLLMModelBudgets(record.modelMaxBudget),
    model_aliases: record.modelAliases,
    model_spend: toLiteLLMModelSpend(options.modelSpend ?? {}),
    budget_limits: toLiteLLMBudgetLimits(record.budgetLimits),
    team_member_budget: nullableUsd(record.teamMemberBudgetNano),
    team_member_budget_duration: record.teamMemberBudgetDuration,
    team_member_rpm_limit: record.teamMemberRpmLimit,
    team_member_tpm_limit: record.teamMemberTpmLimit,
    members_with_roles: members.map((member) => ({ user_id: member.userId, role: member.role })),
    admins: members.filter((member) => member.role === 'admin').map((member) => member.userId),
    members: members.map((member) => member.userId),
    blocked: record.blocked,
    metadata: record.metadata,
    created_at: record.createdAt.toISOString(),
    updated_at: record.updatedAt.toISOString(),
  };
}

/** A membership in LiteLLM's shape (`team_memberships` items, with the member's budget inline). */
export function toLiteLLMTeamMembership(member: TeamMemberRecord) {
  return {
    team_id: member.teamId,
    user_id: member.userId,
    role: member.role,
    spend: usd(member.spendNano),
    max_budget_in_team: nullableUsd(member.maxBudgetInTeamNano),
    litellm_budget_table: {
      max_budget: nullableUsd(member.maxBudgetInTeamNano),
      budget_duration: member.budgetDuration,
      budget_reset_at: isoOrNull(member.budgetResetAt),
      tpm_limit: member.tpmLimit,
      rpm_limit: member.rpmLimit,
    },
  };
}
