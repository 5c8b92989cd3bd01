import { z } from 'zod';

/**
 * Why a choice ended, in OpenAI's vocabulary. Adapters map each provider's own reasons onto these
 * (e.g. Anthropic `end_turn` → `stop`, `tool_use` → `tool_calls`) before building a response.
 */
export const finishReasonSchema = z.enum(['stop', 'length', 'tool_calls', 'content_filter', 'function_call']);

export type FinishReason = z.infer<typeof finishReasonSchema>;
