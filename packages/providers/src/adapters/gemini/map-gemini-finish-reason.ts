import type { FinishReason } from '@tollgate/core';

/** Finish reasons meaning Google's filters stopped the output (https://ai.google.dev/api/generate-content#FinishReason). */
const CONTENT_FILTER_REASONS = new Set([
  'SAFETY',
  'RECITATION',
  'BLOCKLIST',
  'PROHIBITED_CONTENT',
  'SPII',
  'IMAGE_SAFETY',
  'IMAGE_PROHIBITED_CONTENT',
]);

/**
 * Gemini `finishReason` → OpenAI `finish_reason`. Gemini says `STOP` even when the turn ends in function calls,
 * so the caller says whether it saw any (`tool_calls` then). `MALFORMED_FUNCTION_CALL`, `OTHER` and unknown
 * values are `stop`, as in LiteLLM.
 */
export function mapGeminiFinishReason(
  finishReason: string | null | undefined,
  options: { readonly hasToolCalls: boolean },
): FinishReason | null {
  if (finishReason == null) return null;
  if (finishReason === 'MAX_TOKENS') return 'length';
  if (CONTENT_FILTER_REASONS.has(finishReason)) return 'content_filter';
  return options.hasToolCalls ? 'tool_calls' : 'stop';
}
