import type { BudgetRecord } from '@tollgate/ledger';
import { isoOrNull, nullableUsd } from './litellm-values.js';

/** A budget object in LiteLLM's shape (`LiteLLM_BudgetTable`). */
export function toLiteLLMBudget(record: BudgetRecord) {
  return {
    budget_id: record.budgetId,
    max_budget: nullableUsd(record.maxBudgetNano),
    soft_budget: nullableUsd(record.softBudgetNano),
    max_parallel_requests: record.maxParallelRequests,
    tpm_limit: record.tpmLimit,
    rpm_limit: record.rpmLimit,
    model_max_budget: null,
    budget_duration: record.budgetDuration,
    budget_reset_at: isoOrNull(record.budgetResetAt),
    created_at: record.createdAt.toISOString(),
    created_by: record.createdBy,
    updated_at: record.updatedAt.toISOString(),
    updated_by: record.updatedBy,
  };
}
