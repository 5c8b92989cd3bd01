import type { ChatCompletionRequest } from '@tollgate/core';

/**
 * `reasoning_effort` → Gemini 2.x `thinkingBudget`: LiteLLM's budgets (low 1024, medium 2048, high 4096);
 * `minimal` is 512, the smallest budget every 2.5 model accepts (Flash-Lite's floor), `xhigh` doubles `high`,
 * and `none` is 0 (thinking off; 2.5 Pro cannot turn it off and answers 400).
 */
const BUDGET_BY_EFFORT: Readonly<Record<string, number>> = {
  none: 0,
  minimal: 512,
  low: 1024,
  medium: 2048,
  high: 4096,
  xhigh: 8192,
};

/**
 * `reasoning_effort` → Gemini 3 `thinkingLevel` (https://ai.google.dev/gemini-api/docs/thinking): Gemini 3 Pro
 * knows only `low` and `high`, so efforts up to `low` (and `none`, since Gemini 3 cannot stop thinking) are `low`,
 * the rest `high`.
 */
function thinkingLevelOf(effort: string): 'low' | 'high' {
  return effort === 'none' || effort === 'minimal' || effort === 'low' ? 'low' : 'high';
}

/** Whether the model is Gemini 3 or later, which takes `thinkingLevel` instead of a budget. */
function usesThinkingLevel(model: string): boolean {
  const match = /gemini-(\d+)/.exec(model);
  return match !== null && Number(match[1]) >= 3;
}

/**
 * `generationConfig.thinkingConfig` for a request, undefined when the caller asked nothing about reasoning.
 * Anthropic-style `thinking: {type: 'enabled', budget_tokens}` is accepted too (LiteLLM accepts it for Gemini).
 * Whenever reasoning is requested, `includeThoughts` is on so the thought summaries come back as
 * `reasoning_content`.
 */
export function geminiThinkingConfig(request: ChatCompletionRequest, model: string): Record<string, unknown> | undefined {
  const thinking = request['thinking'];
  if (typeof thinking === 'object' && thinking !== null) {
    const { type, budget_tokens: budget } = thinking as Record<string, unknown>;
    if (type === 'disabled') return { thinkingBudget: 0 };
    if (type === 'enabled') return { includeThoughts: true, ...(typeof budget === 'number' ? { thinkingBudget: budget } : {}) };
  }
  const effort = request.reasoning_effort;
  if (!effort) return undefined;
  if (usesThinkingLevel(model)) return { includeThoughts: true, thinkingLevel: thinkingLevelOf(effort) };
  const budget = BUDGET_BY_EFFORT[effort] ?? BUDGET_BY_EFFORT['medium'];
  return budget === 0 ? { thinkingBudget: 0 } : { includeThoughts: true, thinkingBudget: budget };
}
