import type { AssistantMessage, ChatToolCall, ResponseMessage } from '@tollgate/core';

/**
 * The history entry for a model reply. Keeps what providers need back on the next turn: tool calls with their ids,
 * `reasoning_content` (DeepSeek, Z.ai and Kimi expect it in tool loops) and signed `thinking_blocks` (Anthropic
 * verifies them on tool-use turns). A call without an id, or with an id already used in the reply, gets a unique
 * one, so each `tool` message answers exactly one call.
 */
export function toAssistantMessage(reply: ResponseMessage, turn: number): AssistantMessage {
  const message: AssistantMessage = { role: 'assistant', content: reply.content ?? null };
  if (reply.refusal) message.refusal = reply.refusal;
  if (reply.reasoning_content) message.reasoning_content = reply.reasoning_content;
  if (reply.thinking_blocks && reply.thinking_blocks.length > 0) message.thinking_blocks = reply.thinking_blocks;
  const seen = new Set<string>();
  const toolCalls = (reply.tool_calls ?? []).map((call, index): ChatToolCall => {
    let id = call.id;
    if (!id || seen.has(id)) id = `call_t${turn}_${index}${id ? `_${id}` : ''}`;
    seen.add(id);
    return { id, type: 'function', function: { name: call.function.name, arguments: call.function.arguments } };
  });
  if (toolCalls.length > 0) message.tool_calls = toolCalls;
  // A reply with neither text nor tool calls is an empty answer; '' keeps the message valid for every provider.
  else if (message.content === null) message.content = '';
  return message;
}
