import type { ChatCompletion, FinishReason, ResponseObject, ResponsesOutputItem } from '@tollgate/core';
import type { NewResponseId } from './response-ids.js';
import { responsesUsageOf } from './responses-usage-of.js';

/** How a chat answer ended, as a Response's status and `incomplete_details`. */
export function responseEndingOf(finishReason: FinishReason | null | undefined): Pick<ResponseObject, 'status' | 'incomplete_details'> {
  if (finishReason === 'length') return { status: 'incomplete', incomplete_details: { reason: 'max_output_tokens' } };
  if (finishReason === 'content_filter') return { status: 'incomplete', incomplete_details: { reason: 'content_filter' } };
  return { status: 'completed', incomplete_details: null };
}

/** The output items of a chat answer: its reasoning, its message (text or refusal), then one item per tool call. */
export function outputItemsOf(message: ChatCompletion['choices'][number]['message'], newId: NewResponseId, status: 'completed' | 'incomplete'): ResponsesOutputItem[] {
  const items: ResponsesOutputItem[] = [];
  if (message.reasoning_content) items.push({ type: 'reasoning', id: newId('rs'), summary: [{ type: 'summary_text', text: message.reasoning_content }] });
  const content: Extract<ResponsesOutputItem, { type: 'message' }>['content'] = [];
  if (message.content) content.push({ type: 'output_text', text: message.content, annotations: [], logprobs: [] });
  if (message.refusal) content.push({ type: 'refusal', refusal: message.refusal });
  if (content.length > 0) items.push({ type: 'message', id: newId('msg'), role: 'assistant', status, content });
  for (const call of message.tool_calls ?? []) {
    items.push({ type: 'function_call', id: newId('fc'), call_id: call.id, name: call.function.name, arguments: call.function.arguments, status: 'completed' });
  }
  return items;
}

/**
 * A chat completion as the finished Response: `shell` (see `responseShell`) with the answer's model, output items,
 * status and usage (in Responses' names, with `costUsd` as `usage.cost` when known).
 */
export function chatCompletionToResponse(
  completion: ChatCompletion,
  options: { shell: ResponseObject; newId: NewResponseId; completedAt: number; costUsd?: number | null },
): ResponseObject {
  const choice = completion.choices[0];
  const ending = responseEndingOf(choice?.finish_reason);
  const output = choice ? outputItemsOf(choice.message, options.newId, ending.status === 'completed' ? 'completed' : 'incomplete') : [];
  return {
    ...options.shell,
    ...ending,
    model: completion.model,
    completed_at: options.completedAt,
    output,
    usage: completion.usage ? responsesUsageOf(completion.usage, options.costUsd) : null,
  };
}
