import type { IdSource } from '../http/id-source.js';
import type { ReplyPlan } from '../plan/reply-plan.js';
import { ANTHROPIC_STOP_REASONS, anthropicDeltaUsage, anthropicMessageUsage, thinkingSignature } from './anthropic-usage.js';

/**
 * The SSE events of a streamed Messages API reply: `message_start`, per content block `content_block_start`,
 * deltas (`thinking_delta` + `signature_delta`, `text_delta`, `input_json_delta` opening with an empty fragment),
 * `content_block_stop`, then `message_delta` (stop reason, cumulative usage) and `message_stop`. A `ping` follows
 * the first block start, as the API sends it.
 */
export function anthropicStreamFrames(plan: ReplyPlan, ids: IdSource): string[] {
  const frames: string[] = [];
  const event = (name: string, data: unknown): void => {
    frames.push(`event: ${name}\ndata: ${JSON.stringify(data)}\n\n`);
  };
  const message = {
    model: plan.model,
    id: ids.next('msg_01', 22),
    type: 'message',
    role: 'assistant',
    content: [],
    stop_reason: null,
    stop_sequence: null,
    usage: anthropicMessageUsage(plan.usage, 1),
  };
  event('message_start', { type: 'message_start', message });
  let index = 0;
  const startBlock = (block: Record<string, unknown>): void => {
    event('content_block_start', { type: 'content_block_start', index, content_block: block });
    if (index === 0) event('ping', { type: 'ping' });
  };
  const delta = (payload: Record<string, unknown>): void => {
    event('content_block_delta', { type: 'content_block_delta', index, delta: payload });
  };
  const stopBlock = (): void => {
    event('content_block_stop', { type: 'content_block_stop', index });
    index += 1;
  };
  if (plan.reasoningPieces.length > 0) {
    startBlock({ type: 'thinking', thinking: '', signature: '' });
    for (const piece of plan.reasoningPieces) delta({ type: 'thinking_delta', thinking: piece });
    delta({ type: 'signature_delta', signature: thinkingSignature(plan.reasoningPieces.join('')) });
    stopBlock();
  }
  if (plan.textPieces.length > 0 || plan.toolCalls.length === 0) {
    startBlock({ type: 'text', text: '' });
    for (const piece of plan.textPieces) delta({ type: 'text_delta', text: piece });
    stopBlock();
  }
  for (const call of plan.toolCalls) {
    startBlock({ type: 'tool_use', id: ids.next('toolu_01', 22), name: call.name, input: {}, caller: { type: 'direct' } });
    delta({ type: 'input_json_delta', partial_json: '' });
    for (const fragment of call.fragments) delta({ type: 'input_json_delta', partial_json: fragment });
    stopBlock();
  }
  event('message_delta', {
    type: 'message_delta',
    delta: { stop_reason: ANTHROPIC_STOP_REASONS[plan.finish], stop_sequence: null },
    usage: anthropicDeltaUsage(plan.usage),
  });
  event('message_stop', { type: 'message_stop' });
  return frames;
}
