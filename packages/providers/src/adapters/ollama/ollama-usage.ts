import type { OpenAIUsage } from '@tollgate/core';
import { makeOpenAIUsage } from '../../adapter/make-openai-usage.js';
import type { OllamaChatResponse } from './ollama-api.js';

/**
 * Ollama counters → OpenAI usage: `prompt_eval_count` input, `eval_count` output (thinking included; Ollama
 * reports no split). Ollama omits `prompt_eval_count` when the prompt was all cached, which reads as 0.
 */
export function toOpenAIUsageFromOllama(response: OllamaChatResponse): OpenAIUsage {
  return makeOpenAIUsage({ promptTokens: response.prompt_eval_count ?? 0, completionTokens: response.eval_count ?? 0 });
}
