import type { FinishReason } from '@tollgate/core';

/**
 * Cohere `finish_reason` → OpenAI `finish_reason` (https://docs.cohere.com/reference/chat#response.body.finish_reason):
 * `COMPLETE`/`STOP_SEQUENCE` → stop, `MAX_TOKENS`/`ERROR_LIMIT` → length, `TOOL_CALL` → tool_calls,
 * `ERROR_TOXIC` → content_filter; `ERROR`, `TIMEOUT` and unknown values → stop (the native value is kept).
 */
export function mapCohereFinishReason(finishReason: string | null | undefined): FinishReason | null {
  switch (finishReason) {
    case null:
    case undefined:
      return null;
    case 'MAX_TOKENS':
    case 'ERROR_LIMIT':
      return 'length';
    case 'TOOL_CALL':
      return 'tool_calls';
    case 'ERROR_TOXIC':
      return 'content_filter';
    default:
      return 'stop';
  }
}
