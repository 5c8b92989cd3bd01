import type { SpendLogRecord } from '@tollgate/ledger';
import { isoOrNull, usd } from './litellm-values.js';

/** A spend-log row in LiteLLM's shape (`/spend/logs?summarize=false`). An unpriced call shows spend 0 and `cost_unknown`. */
export function toLiteLLMSpendLog(log: SpendLogRecord) {
  return {
    request_id: log.requestId,
    call_type: log.callType,
    api_key: log.apiKey,
    spend: log.spendNano === null ? 0 : usd(log.spendNano),
    cost_unknown: log.spendNano === null,
    total_tokens: log.totalTokens,
    prompt_tokens: log.promptTokens,
    completion_tokens: log.completionTokens,
    cache_read_input_tokens: log.cacheReadTokens,
    cache_creation_input_tokens: log.cacheCreationTokens,
    reasoning_tokens: log.reasoningTokens,
    startTime: log.startTime.toISOString(),
    endTime: log.endTime.toISOString(),
    completionStartTime: isoOrNull(log.completionStartTime),
    request_duration_ms: log.requestDurationMs,
    model: log.model,
    model_id: log.modelId,
    model_group: log.modelGroup,
    custom_llm_provider: log.customLlmProvider,
    api_base: log.apiBase,
    user: log.user,
    end_user: log.endUser,
    team_id: log.teamId,
    session_id: log.sessionId,
    status: log.status,
    request_tags: log.requestTags,
    metadata: log.metadata,
  };
}
