import type { IdSource } from '../http/id-source.js';
import type { ReplyPlan } from '../plan/reply-plan.js';
import { SYSTEM_FINGERPRINT, openAIUsage } from './openai-usage.js';

/**
 * A non-streamed `chat.completion`. `reasoning_content` is the field OpenAI-compatible reasoners (DeepSeek, Z.ai)
 * use; OpenAI itself never returns reasoning text.
 */
export function openAIChatBody(plan: ReplyPlan, ids: IdSource): string {
  const message: Record<string, unknown> = {
    role: 'assistant',
    content: plan.textPieces.length > 0 || plan.toolCalls.length === 0 ? plan.textPieces.join('') : null,
  };
  if (plan.reasoningPieces.length > 0) message.reasoning_content = plan.reasoningPieces.join('');
  if (plan.toolCalls.length > 0) {
    message.tool_calls = plan.toolCalls.map((call) => ({
      id: ids.next('call_', 24),
      type: 'function',
      function: { name: call.name, arguments: call.argumentsText },
    }));
  }
  message.refusal = null;
  message.annotations = [];
  return JSON.stringify({
    id: ids.next('chatcmpl-', 29),
    object: 'chat.completion',
    created: Math.floor(Date.now() / 1000),
    model: plan.model,
    choices: [{ index: 0, message, logprobs: null, finish_reason: plan.finish }],
    usage: openAIUsage(plan.usage),
    service_tier: 'default',
    system_fingerprint: SYSTEM_FINGERPRINT,
  });
}
