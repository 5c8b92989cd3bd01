import type { KeyRecord } from '@tollgate/ledger';
import { isoOrNull, nullableUsd, toLiteLLMBudgetLimits, toLiteLLMModelBudgets, toLiteLLMModelSpend, usd } from './litellm-values.js';

/** Options of {@link toLiteLLMKeyInfo}. */
export interface LiteLLMKeyInfoOptions {
  /** Per-model spend (from `readModelSpend`); default none. */
  modelSpend?: Record<string, bigint>;
  /** Include `token` (the hash), as `/key/list` and `/key/generate` do; `/key/info` leaves it out. */
  includeToken?: boolean;
}

/** A key in LiteLLM's shape (`/key/info`'s `info`, `/key/list` items): snake_case, USD numbers, ISO times. */
export function toLiteLLMKeyInfo(record: KeyRecord, options: LiteLLMKeyInfoOptions = {}) {
  return {
    ...(options.includeToken === true ? { token: record.tokenHash } : {}),
    key_name: record.keyName,
    // Tollgate's extra: the id that stays when the key is regenerated (its budgets belong to it).
    key_id: record.keyId,
    key_alias: record.keyAlias,
    spend: usd(record.spendNano),
    max_budget: nullableUsd(record.maxBudgetNano),
    soft_budget: nullableUsd(record.softBudgetNano),
    expires: isoOrNull(record.expires),
    models: record.models,
    aliases: record.aliases,
    config: {},
    user_id: record.userId,
    team_id: record.teamId,
    permissions: {},
    max_parallel_requests: record.maxParallelRequests,
    metadata: record.metadata,
    blocked: record.blocked,
    tpm_limit: record.tpmLimit,
    rpm_limit: record.rpmLimit,
    budget_duration: record.budgetDuration,
    budget_reset_at: isoOrNull(record.budgetResetAt),
    allowed_cache_controls: [],
    allowed_routes: record.allowedRoutes,
    key_type: record.keyType,
    model_spend: toLiteLLMModelSpend(options.modelSpend ?? {}),
    model_max_budget: toLiteLLMModelBudgets(record.modelMaxBudget),
    model_rpm_limit: record.modelRpmLimit,
    model_tpm_limit: record.modelTpmLimit,
    budget_limits: toLiteLLMBudgetLimits(record.budgetLimits),
    created_at: record.createdAt.toISOString(),
    updated_at: record.updatedAt.toISOString(),
    created_by: record.createdBy,
  };
}
