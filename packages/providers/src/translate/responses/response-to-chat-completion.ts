import type { ChatCompletion, FinishReason, ResponseObject } from '@tollgate/core';
import { chatUsageOf } from './responses-usage-of.js';

/** A finished Response as a chat completion: the inverse of `chatCompletionToResponse` on what both APIs have. */
export function responseToChatCompletion(response: ResponseObject): ChatCompletion {
  let content: string | null = null;
  let refusal: string | null = null;
  let reasoning: string | null = null;
  const toolCalls: { id: string; type: 'function'; function: { name: string; arguments: string } }[] = [];
  for (const item of response.output) {
    if (item.type === 'reasoning') {
      const text = item.summary.map((part) => part.text).join('\n\n');
      reasoning = reasoning === null ? text : `${reasoning}\n\n${text}`;
    } else if (item.type === 'function_call') {
      toolCalls.push({ id: item.call_id, type: 'function', function: { name: item.name, arguments: item.arguments } });
    } else {
      for (const part of item.content) {
        if (part.type === 'output_text') content = (content ?? '') + part.text;
        else refusal = (refusal ?? '') + part.refusal;
      }
    }
  }
  const reason = response.incomplete_details?.reason;
  const finishReason: FinishReason =
    reason === 'max_output_tokens' ? 'length' : reason === 'content_filter' ? 'content_filter' : toolCalls.length > 0 ? 'tool_calls' : 'stop';
  return {
    id: response.id,
    object: 'chat.completion',
    created: response.created_at,
    model: response.model,
    choices: [
      {
        index: 0,
        message: {
          role: 'assistant',
          content,
          ...(refusal === null ? {} : { refusal }),
          ...(reasoning === null ? {} : { reasoning_content: reasoning }),
          ...(toolCalls.length === 0 ? {} : { tool_calls: toolCalls }),
        },
        finish_reason: finishReason,
      },
    ],
    ...(response.usage ? { usage: chatUsageOf(response.usage) } : {}),
  };
}
