import type { FinishReason } from '@tollgate/core';

/**
 * Ollama `done_reason` → OpenAI `finish_reason`. Ollama says `stop` even when the reply is tool calls, so the
 * caller says whether there were any. `length` is the output limit; `load`/`unload` (model lifecycle answers)
 * and an absent reason on a finished reply are `stop`.
 */
export function mapOllamaFinishReason(doneReason: string | null | undefined, options: { readonly hasToolCalls: boolean }): FinishReason {
  if (doneReason === 'length') return 'length';
  return options.hasToolCalls ? 'tool_calls' : 'stop';
}
