import type { FinishReason, MessagesStopReason } from '@tollgate/core';

/**
 * A chat `finish_reason` → Anthropic `stop_reason`: stop → end_turn (or stop_sequence when the provider said a stop
 * sequence ended it), length → max_tokens, tool_calls / function_call → tool_use, content_filter → refusal.
 */
export function toMessagesStopReason(finishReason: FinishReason | null | undefined, nativeFinishReason?: unknown): MessagesStopReason | null {
  switch (finishReason) {
    case null:
    case undefined:
      return null;
    case 'length':
      return 'max_tokens';
    case 'tool_calls':
    case 'function_call':
      return 'tool_use';
    case 'content_filter':
      return 'refusal';
    default:
      return nativeFinishReason === 'stop_sequence' ? 'stop_sequence' : 'end_turn';
  }
}

/** The provider's own finish reason, which adapters keep on a choice as `provider_specific_fields.native_finish_reason`. */
export function nativeFinishReasonOf(choice: object | undefined): unknown {
  const fields = (choice as { provider_specific_fields?: { native_finish_reason?: unknown } } | undefined)?.provider_specific_fields;
  return fields?.native_finish_reason;
}

/**
 * Which stop sequence ended the text, when the reason is `stop_sequence`: the one the request named if it named
 * one; with several, the one the text stops short of cannot be known, so null (as Anthropic's own field allows).
 */
export function matchedStopSequence(stopReason: MessagesStopReason | null, stopSequences: readonly string[] | undefined): string | null {
  if (stopReason !== 'stop_sequence' || stopSequences === undefined || stopSequences.length !== 1) return null;
  return stopSequences[0]!;
}
