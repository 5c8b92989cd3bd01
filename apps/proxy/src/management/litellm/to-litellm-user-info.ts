import type { UserRecord } from '@tollgate/ledger';
import { isoOrNull, nullableUsd, toLiteLLMModelBudgets, usd } from './litellm-values.js';

/** A user in LiteLLM's shape (`/user/info`'s `user_info`, `/user/list` items). */
export function toLiteLLMUserInfo(record: UserRecord) {
  return {
    user_id: record.userId,
    user_email: record.userEmail,
    user_alias: record.userAlias,
    user_role: record.userRole,
    models: record.models,
    spend: usd(record.spendNano),
    max_budget: nullableUsd(record.maxBudgetNano),
    soft_budget: nullableUsd(record.softBudgetNano),
    budget_duration: record.budgetDuration,
    budget_reset_at: isoOrNull(record.budgetResetAt),
    tpm_limit: record.tpmLimit,
    rpm_limit: record.rpmLimit,
    max_parallel_requests: record.maxParallelRequests,
    model_max_budget: toLiteLLMModelBudgets(record.modelMaxBudget),
    metadata: record.metadata,
    created_at: record.createdAt.toISOString(),
    updated_at: record.updatedAt.toISOString(),
  };
}
