import type { IdSource } from '../http/id-source.js';
import type { ReplyPlan } from '../plan/reply-plan.js';
import { ANTHROPIC_STOP_REASONS, anthropicMessageUsage, thinkingSignature } from './anthropic-usage.js';

/** A non-streamed Messages API reply: thinking block, text block, tool_use blocks, in that order. */
export function anthropicMessageBody(plan: ReplyPlan, ids: IdSource): string {
  const content: Record<string, unknown>[] = [];
  if (plan.reasoningPieces.length > 0) {
    const thinking = plan.reasoningPieces.join('');
    content.push({ type: 'thinking', thinking, signature: thinkingSignature(thinking) });
  }
  if (plan.textPieces.length > 0 || plan.toolCalls.length === 0) content.push({ type: 'text', text: plan.textPieces.join('') });
  for (const call of plan.toolCalls) {
    content.push({ type: 'tool_use', id: ids.next('toolu_01', 22), name: call.name, input: call.input, caller: { type: 'direct' } });
  }
  return JSON.stringify({
    model: plan.model,
    id: ids.next('msg_01', 22),
    type: 'message',
    role: 'assistant',
    content,
    stop_reason: ANTHROPIC_STOP_REASONS[plan.finish],
    stop_sequence: null,
    usage: anthropicMessageUsage(plan.usage, plan.usage.completionTokens),
  });
}
