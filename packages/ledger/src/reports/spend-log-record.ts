import type { Selectable } from 'kysely';
import { metadataColumn, stringListColumn } from '../common/json-columns.js';
import { readDate, readInt, readJson, readNullableBigInt, readNullableDate } from '../db/column-values.js';
import type { SpendLogsTable } from '../db/ledger-schema.js';

/** One booked call (LiteLLM's spend-log row), money in nano-USD. */
export interface SpendLogRecord {
  requestId: string;
  callType: string;
  /** Key hash. */
  apiKey: string | null;
  /** Cost; null when the model had no price. */
  spendNano: bigint | null;
  totalTokens: number;
  promptTokens: number;
  completionTokens: number;
  cacheReadTokens: number;
  cacheCreationTokens: number;
  reasoningTokens: number;
  startTime: Date;
  endTime: Date;
  completionStartTime: Date | null;
  requestDurationMs: number;
  model: string;
  modelId: string | null;
  modelGroup: string | null;
  customLlmProvider: string | null;
  apiBase: string | null;
  /** Internal user. */
  user: string | null;
  /** Customer. */
  endUser: string | null;
  teamId: string | null;
  sessionId: string | null;
  status: 'success' | 'failure';
  requestTags: string[];
  metadata: Record<string, unknown>;
}

/** A stored spend-log row as a record. */
export function rowToSpendLogRecord(row: Selectable<SpendLogsTable>): SpendLogRecord {
  return {
    requestId: row.request_id,
    callType: row.call_type,
    apiKey: row.api_key,
    spendNano: readNullableBigInt(row.spend_nano),
    totalTokens: readInt(row.total_tokens),
    promptTokens: readInt(row.prompt_tokens),
    completionTokens: readInt(row.completion_tokens),
    cacheReadTokens: readInt(row.cache_read_tokens),
    cacheCreationTokens: readInt(row.cache_creation_tokens),
    reasoningTokens: readInt(row.reasoning_tokens),
    startTime: readDate(row.start_time),
    endTime: readDate(row.end_time),
    completionStartTime: readNullableDate(row.completion_start_time),
    requestDurationMs: readInt(row.request_duration_ms),
    model: row.model,
    modelId: row.model_id,
    modelGroup: row.model_group,
    customLlmProvider: row.custom_llm_provider,
    apiBase: row.api_base,
    user: row.user,
    endUser: row.end_user,
    teamId: row.team_id,
    sessionId: row.session_id,
    status: row.status === 'failure' ? 'failure' : 'success',
    requestTags: readJson(row.request_tags, stringListColumn, 'spend_logs.request_tags'),
    metadata: readJson(row.metadata, metadataColumn, 'spend_logs.metadata'),
  };
}
