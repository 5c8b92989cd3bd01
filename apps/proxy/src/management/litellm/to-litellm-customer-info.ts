import type { CustomerRecord } from '@tollgate/ledger';
import { isoOrNull, nullableUsd, usd } from './litellm-values.js';

/** A customer in LiteLLM's shape (`LiteLLM_EndUserTable` with its `litellm_budget_table`). */
export function toLiteLLMCustomerInfo(record: CustomerRecord) {
  return {
    user_id: record.userId,
    alias: record.alias,
    spend: usd(record.spendNano),
    blocked: record.blocked,
    allowed_model_region: record.allowedModelRegion,
    default_model: record.defaultModel,
    metadata: record.metadata,
    budget_id: record.budgetId,
    litellm_budget_table: {
      max_budget: nullableUsd(record.maxBudgetNano),
      soft_budget: nullableUsd(record.softBudgetNano),
      budget_duration: record.budgetDuration,
      budget_reset_at: isoOrNull(record.budgetResetAt),
      tpm_limit: record.tpmLimit,
      rpm_limit: record.rpmLimit,
      max_parallel_requests: record.maxParallelRequests,
    },
    created_at: record.createdAt.toISOString(),
    updated_at: record.updatedAt.toISOString(),
  };
}
