import type { IdSource } from '../http/id-source.js';
import type { ReplyPlan } from '../plan/reply-plan.js';
import { SYSTEM_FINGERPRINT, openAIUsage } from './openai-usage.js';

/** Inputs of {@link openAIChatFrames}. */
export interface OpenAIChatFramesOptions {
  plan: ReplyPlan;
  ids: IdSource;
  /** `stream_options.include_usage`: every chunk carries `usage: null` and a last chunk carries the usage. */
  includeUsage: boolean;
}

/**
 * The SSE frames of a streamed chat completion, `[DONE]` included: a role chunk, one chunk per reasoning or text
 * token, per tool call a chunk with index/id/name then one per argument fragment, the `finish_reason` chunk, and
 * with `include_usage` a `choices: []` chunk with the usage. Each frame is built from a per-request prefix by
 * concatenation, because the benchmark streams thousands of them per second.
 */
export function openAIChatFrames(options: OpenAIChatFramesOptions): string[] {
  const { plan, ids } = options;
  const head = `data: {"id":"${ids.next('chatcmpl-', 29)}","object":"chat.completion.chunk","created":${Math.floor(Date.now() / 1000)},"model":${JSON.stringify(plan.model)},"service_tier":"default","system_fingerprint":"${SYSTEM_FINGERPRINT}",`;
  const open = `${head}"choices":[{"index":0,"delta":`;
  const usageNull = options.includeUsage ? ',"usage":null' : '';
  const close = `,"logprobs":null,"finish_reason":null}]${usageNull}}\n\n`;
  const hasContent = plan.textPieces.length > 0 || plan.reasoningPieces.length > 0 || plan.toolCalls.length === 0;
  const frames = [`${open}{"role":"assistant","content":${hasContent ? '""' : 'null'},"refusal":null}${close}`];
  for (const piece of plan.reasoningPieces) frames.push(`${open}{"reasoning_content":${JSON.stringify(piece)}}${close}`);
  for (const piece of plan.textPieces) frames.push(`${open}{"content":${JSON.stringify(piece)}}${close}`);
  plan.toolCalls.forEach((call, index) => {
    const first = { index, id: ids.next('call_', 24), type: 'function', function: { name: call.name, arguments: '' } };
    frames.push(`${open}{"tool_calls":[${JSON.stringify(first)}]}${close}`);
    for (const fragment of call.fragments) {
      frames.push(`${open}{"tool_calls":[{"index":${index},"function":{"arguments":${JSON.stringify(fragment)}}}]}${close}`);
    }
  });
  frames.push(`${open}{},"logprobs":null,"finish_reason":"${plan.finish}"}]${usageNull}}\n\n`);
  if (options.includeUsage) frames.push(`${head}"choices":[],"usage":${JSON.stringify(openAIUsage(plan.usage))}}\n\n`);
  frames.push('data: [DONE]\n\n');
  return frames;
}
