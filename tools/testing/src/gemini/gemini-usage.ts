import type { FinishKind, PlannedUsage } from '../plan/reply-plan.js';

/** Gemini's `finishReason`: function calls end with `STOP` too. */
export const GEMINI_FINISH_REASONS: Readonly<Record<FinishKind, string>> = {
  stop: 'STOP',
  length: 'MAX_TOKENS',
  tool_calls: 'STOP',
};

/**
 * `usageMetadata`. `candidatesTokenCount` excludes thoughts (`thoughtsTokenCount`), `promptTokenCount` includes
 * `cachedContentTokenCount`; zero counts are omitted, as proto3 JSON does.
 */
export function geminiUsageMetadata(usage: PlannedUsage, counts = { candidates: textOutput(usage), thoughts: usage.reasoningTokens }): Record<string, unknown> {
  const metadata: Record<string, unknown> = { promptTokenCount: usage.promptTokens };
  if (counts.candidates > 0) metadata.candidatesTokenCount = counts.candidates;
  metadata.totalTokenCount = usage.promptTokens + counts.candidates + counts.thoughts;
  if (usage.cachedTokens > 0) metadata.cachedContentTokenCount = usage.cachedTokens;
  metadata.promptTokensDetails = [{ modality: 'TEXT', tokenCount: usage.promptTokens }];
  if (usage.cachedTokens > 0) metadata.cacheTokensDetails = [{ modality: 'TEXT', tokenCount: usage.cachedTokens }];
  if (counts.thoughts > 0) metadata.thoughtsTokenCount = counts.thoughts;
  return metadata;
}

/** Output tokens that are not thoughts. */
function textOutput(usage: PlannedUsage): number {
  return Math.max(0, usage.completionTokens - usage.reasoningTokens);
}

/** A stand-in for the opaque `thoughtSignature` Gemini attaches to a function call and wants echoed back. */
export function geminiThoughtSignature(name: string): string {
  return Buffer.from(`mock-thought-signature:${name}`).toString('base64');
}
