import type { FinishReason } from '@tollgate/core';

/**
 * Anthropic `stop_reason` → OpenAI `finish_reason`
 * (https://docs.anthropic.com/en/api/handling-stop-reasons). `pause_turn` (a server tool paused a long turn) ends
 * the reply as far as the client is concerned, so it is `stop`; unknown future reasons are `stop` too.
 */
export function mapAnthropicFinishReason(stopReason: string | null | undefined): FinishReason | null {
  switch (stopReason) {
    case null:
    case undefined:
      return null;
    case 'max_tokens':
    case 'model_context_window_exceeded':
      return 'length';
    case 'tool_use':
      return 'tool_calls';
    case 'refusal':
      return 'content_filter';
    default:
      return 'stop';
  }
}
