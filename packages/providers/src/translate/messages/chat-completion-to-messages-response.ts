import type { ChatCompletion, MessagesResponse, MessagesResponseBlock } from '@tollgate/core';
import { toMessagesUsage } from './messages-usage.js';
import { matchedStopSequence, nativeFinishReasonOf, toMessagesStopReason } from './messages-stop-reason.js';
import { parseToolInput } from './parse-tool-input.js';

/** Message ids are `msg_…`; a chat id is kept after that prefix so both can be matched in logs. */
export function toMessageId(chatId: string): string {
  return chatId.startsWith('msg_') ? chatId : `msg_${chatId}`;
}

/**
 * A chat completion (its first choice) → an Anthropic message: thinking blocks first (signed ones as they came;
 * bare `reasoning_content` as a thinking block without signature), then the text, then one `tool_use` per call.
 */
export function chatCompletionToMessagesResponse(completion: ChatCompletion, request: { stop_sequences?: string[] | null } = {}): MessagesResponse {
  const choice = completion.choices[0];
  const message = choice?.message;
  const content: MessagesResponseBlock[] = [];
  if (message?.thinking_blocks != null && message.thinking_blocks.length > 0) {
    for (const block of message.thinking_blocks) {
      if (block.type === 'thinking') content.push({ type: 'thinking', thinking: block.thinking, signature: block.signature ?? '' });
      else content.push({ type: 'redacted_thinking', data: block.data });
    }
  } else if (message?.reasoning_content != null && message.reasoning_content !== '') {
    content.push({ type: 'thinking', thinking: message.reasoning_content, signature: '' });
  }
  const text = message?.content ?? message?.refusal;
  if (text != null && text !== '') content.push({ type: 'text', text });
  for (const call of message?.tool_calls ?? []) {
    content.push({ type: 'tool_use', id: call.id, name: call.function.name, input: parseToolInput(call.function.arguments) });
  }
  const stopReason = toMessagesStopReason(choice?.finish_reason, nativeFinishReasonOf(choice));
  return {
    id: toMessageId(completion.id),
    type: 'message',
    role: 'assistant',
    model: completion.model,
    content,
    stop_reason: stopReason,
    stop_sequence: matchedStopSequence(stopReason, request.stop_sequences ?? undefined),
    usage: toMessagesUsage(completion.usage),
  };
}
