import type { ChatCompletionRequest } from '@tollgate/core';

/**
 * `max_tokens` sent when the caller sets none: Anthropic requires the field, and 4096 is what LiteLLM sends
 * (`DEFAULT_ANTHROPIC_CHAT_MAX_TOKENS`) and what every Claude model accepts. (Tollgate's catalogue has no
 * per-model maximum output yet; when it does, this default should come from it.)
 */
export const ANTHROPIC_DEFAULT_MAX_TOKENS = 4096;

/**
 * `reasoning_effort` → `thinking.budget_tokens`, LiteLLM's defaults (low 1024, medium 2048, high 4096). `minimal`
 * maps to 1024 because Anthropic rejects budgets below that; `xhigh` (OpenAI's newest level, unmapped by LiteLLM)
 * doubles `high`.
 */
const BUDGET_TOKENS_BY_EFFORT: Readonly<Record<string, number>> = {
  minimal: 1024,
  low: 1024,
  medium: 2048,
  high: 4096,
  xhigh: 8192,
};

/**
 * The `thinking` param to send: the caller's own Anthropic-style `thinking` wins and is forwarded unchanged (so
 * newer forms such as `{type: 'adaptive'}` work); else `reasoning_effort` becomes a budget; `none` sends nothing.
 */
export function anthropicThinking(request: ChatCompletionRequest): Record<string, unknown> | undefined {
  const explicit = request['thinking'];
  if (typeof explicit === 'object' && explicit !== null) return explicit as Record<string, unknown>;
  const effort = request.reasoning_effort;
  const budget = effort ? BUDGET_TOKENS_BY_EFFORT[effort] : undefined;
  return budget === undefined ? undefined : { type: 'enabled', budget_tokens: budget };
}

/**
 * `max_tokens` to send: `max_completion_tokens`, else `max_tokens`, else the default — raised to leave room for a
 * thinking budget, since Anthropic requires `budget_tokens < max_tokens` and counts thinking in the output.
 */
export function anthropicMaxTokens(
  request: ChatCompletionRequest,
  thinking: Record<string, unknown> | undefined,
): number {
  const requested = request.max_completion_tokens ?? request.max_tokens;
  if (requested != null) return requested;
  const budget = thinking?.['budget_tokens'];
  return typeof budget === 'number' ? budget + ANTHROPIC_DEFAULT_MAX_TOKENS : ANTHROPIC_DEFAULT_MAX_TOKENS;
}
