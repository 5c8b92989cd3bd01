import type { Insertable } from 'kysely';
import { writeJson } from '../db/column-values.js';
import type { SpendLogsTable } from '../db/ledger-schema.js';
import type { SpendEvent } from './spend-event-schema.js';

/** The spend-log row of an event (LiteLLM's `LiteLLM_SpendLogs` fields; instants as epoch ms, money as nano-USD). */
export function spendEventToLogRow(event: SpendEvent): Insertable<SpendLogsTable> {
  const startTime = Date.parse(event.start_time);
  const endTime = Date.parse(event.end_time);
  return {
    request_id: event.request_id,
    response_id: event.response_id,
    call_type: event.call_type,
    api_key: event.api_key,
    spend_nano: event.cost_nano === null ? null : BigInt(event.cost_nano),
    total_tokens: event.total_tokens,
    prompt_tokens: event.prompt_tokens,
    completion_tokens: event.completion_tokens,
    cache_read_tokens: event.cache_read_tokens,
    cache_creation_tokens: event.cache_creation_tokens,
    reasoning_tokens: event.reasoning_tokens,
    start_time: startTime,
    end_time: endTime,
    completion_start_time: event.completion_start_time === null ? null : Date.parse(event.completion_start_time),
    request_duration_ms: endTime - startTime,
    model: event.model,
    model_id: event.model_id,
    model_group: event.model_group,
    custom_llm_provider: event.provider,
    api_base: event.api_base,
    user: event.user_id,
    end_user: event.end_user,
    team_id: event.team_id,
    session_id: event.session_id,
    status: event.status,
    request_tags: writeJson(event.request_tags),
    metadata: writeJson(event.metadata),
  };
}
