import type { PlannedUsage } from '../plan/reply-plan.js';

/** OpenAI's `usage` object, detail objects included, as the API sends it. */
export function openAIUsage(usage: PlannedUsage): Record<string, unknown> {
  return {
    prompt_tokens: usage.promptTokens,
    completion_tokens: usage.completionTokens,
    total_tokens: usage.promptTokens + usage.completionTokens,
    prompt_tokens_details: { cached_tokens: usage.cachedTokens, audio_tokens: 0 },
    completion_tokens_details: {
      reasoning_tokens: usage.reasoningTokens,
      audio_tokens: 0,
      accepted_prediction_tokens: 0,
      rejected_prediction_tokens: 0,
    },
  };
}

/** The `system_fingerprint` every OpenAI reply carries. */
export const SYSTEM_FINGERPRINT = 'fp_70a11ca7e0';
