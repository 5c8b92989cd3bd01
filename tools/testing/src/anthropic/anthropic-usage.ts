import type { FinishKind, PlannedUsage } from '../plan/reply-plan.js';

/** Anthropic's `stop_reason` for a finish. */
export const ANTHROPIC_STOP_REASONS: Readonly<Record<FinishKind, string>> = {
  stop: 'end_turn',
  length: 'max_tokens',
  tool_calls: 'tool_use',
};

/** Anthropic's `input_tokens` counts only uncached input: cache reads and writes are reported beside it. */
function uncachedInputTokens(usage: PlannedUsage): number {
  return Math.max(0, usage.promptTokens - usage.cachedTokens - usage.cacheWriteTokens);
}

/** The `usage` object of a message (and of `message_start`, with the output count so far). */
export function anthropicMessageUsage(usage: PlannedUsage, outputTokens: number): Record<string, unknown> {
  return {
    input_tokens: uncachedInputTokens(usage),
    cache_creation_input_tokens: usage.cacheWriteTokens,
    cache_read_input_tokens: usage.cachedTokens,
    cache_creation: { ephemeral_5m_input_tokens: usage.cacheWriteTokens, ephemeral_1h_input_tokens: 0 },
    output_tokens: outputTokens,
    service_tier: 'standard',
    inference_geo: 'not_available',
  };
}

/** The cumulative `usage` of the closing `message_delta` event. */
export function anthropicDeltaUsage(usage: PlannedUsage): Record<string, unknown> {
  return {
    input_tokens: uncachedInputTokens(usage),
    cache_creation_input_tokens: usage.cacheWriteTokens,
    cache_read_input_tokens: usage.cachedTokens,
    output_tokens: usage.completionTokens,
  };
}

/** A stand-in for the opaque thinking signature clients must send back unchanged. */
export function thinkingSignature(reasoning: string): string {
  return Buffer.from(`mock-signature:${reasoning.length}:${reasoning.slice(0, 32)}`).toString('base64');
}
