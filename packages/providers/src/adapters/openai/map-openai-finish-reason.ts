import type { FinishReason } from '@tollgate/core';

const OPENAI_FINISH_REASONS: Readonly<Record<string, FinishReason>> = {
  stop: 'stop',
  length: 'length',
  tool_calls: 'tool_calls',
  content_filter: 'content_filter',
  function_call: 'function_call',
  // Older OpenAI-dialect servers still say `eos` / `max_tokens`.
  eos: 'stop',
  max_tokens: 'length',
};

/**
 * An OpenAI-dialect finish reason in OpenAI's vocabulary: OpenAI's own values, then the provider's extras, else
 * `stop` (the provider's value is kept as `native_finish_reason` by the caller). Null stays null (not finished).
 */
export function mapOpenAIFinishReason(
  native: string | null | undefined,
  extras?: Readonly<Record<string, FinishReason>>,
): FinishReason | null {
  if (native == null || native === '') return null;
  return OPENAI_FINISH_REASONS[native] ?? extras?.[native] ?? 'stop';
}
