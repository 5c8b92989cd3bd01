import type { Selectable } from 'kysely';
import { readInt, readNullableBigInt } from '../db/column-values.js';
import type { SpendLogsTable } from '../db/ledger-schema.js';
import type { SpendEvent } from '../spend/spend-event-schema.js';

const isoOf = (value: unknown): string => new Date(readInt(value)).toISOString();

/**
 * The spend event a journaled spend-log row was written from, with what the totals need: owners, model, provider,
 * tokens, cost, status and start time. Tags and metadata stay in the row (totals never read them).
 */
export function spendLogRowToEvent(row: Selectable<SpendLogsTable>): SpendEvent {
  const cost = readNullableBigInt(row.spend_nano);
  return {
    schema_version: 1,
    request_id: row.request_id,
    response_id: row.response_id,
    call_type: row.call_type,
    api_key: row.api_key,
    cost_nano: cost === null ? null : cost.toString(),
    prompt_tokens: readInt(row.prompt_tokens),
    completion_tokens: readInt(row.completion_tokens),
    total_tokens: readInt(row.total_tokens),
    cache_read_tokens: readInt(row.cache_read_tokens),
    cache_creation_tokens: readInt(row.cache_creation_tokens),
    reasoning_tokens: readInt(row.reasoning_tokens),
    start_time: isoOf(row.start_time),
    end_time: isoOf(row.end_time),
    completion_start_time: row.completion_start_time === null ? null : isoOf(row.completion_start_time),
    model: row.model,
    model_id: row.model_id,
    model_group: row.model_group,
    provider: row.custom_llm_provider,
    api_base: row.api_base,
    user_id: row.user,
    team_id: row.team_id,
    end_user: row.end_user,
    session_id: row.session_id,
    status: row.status === 'failure' ? 'failure' : 'success',
    request_tags: [],
    metadata: {},
  };
}
