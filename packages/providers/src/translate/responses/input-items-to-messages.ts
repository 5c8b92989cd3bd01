import {
  BadRequestError,
  type AssistantMessage,
  type ChatMessage,
  type ChatToolCall,
  type ResponsesInputContentPart,
  type ResponsesInputItem,
  type UserContentPart,
} from '@tollgate/core';

/** The text of parts that carry text (input/output text, refusals), joined. */
export function textOfParts(parts: readonly ResponsesInputContentPart[]): string {
  return parts.map((part) => (part.type === 'input_text' || part.type === 'output_text' ? part.text : part.type === 'refusal' ? part.refusal : '')).join('');
}

function toUserPart(part: ResponsesInputContentPart): UserContentPart {
  switch (part.type) {
    case 'input_text':
    case 'output_text':
      return { type: 'text', text: part.text };
    case 'refusal':
      return { type: 'text', text: part.refusal };
    case 'input_image':
      return { type: 'image_url', image_url: { url: part.image_url ?? part.file_id ?? '', ...(part.detail ? { detail: part.detail } : {}) } };
    case 'input_file':
      return {
        type: 'file',
        file: {
          ...(part.file_data ? { file_data: part.file_data } : {}),
          ...(part.file_id ? { file_id: part.file_id } : {}),
          ...(part.filename ? { filename: part.filename } : {}),
        },
      };
  }
}

/** A user message keeps plain text as a string, so text-only providers see what the client wrote. */
function userContent(content: string | readonly ResponsesInputContentPart[]): string | UserContentPart[] {
  if (typeof content === 'string') return content;
  if (content.every((part) => part.type === 'input_text' || part.type === 'output_text')) return textOfParts(content);
  return content.map(toUserPart);
}

/**
 * Turns Responses input items into chat messages: messages keep their role, a run of `function_call` items becomes
 * one assistant message with `tool_calls` (joined to the assistant text just before it), each
 * `function_call_output` a `tool` message, and a reasoning item's summary becomes the `reasoning_content` of the
 * assistant turn it led to. Encrypted reasoning has no chat form and stays with the stored response.
 */
export function inputItemsToMessages(items: readonly ResponsesInputItem[]): ChatMessage[] {
  const messages: ChatMessage[] = [];
  let pendingReasoning: string | undefined;
  const newAssistant = (): AssistantMessage => {
    const message: AssistantMessage = { role: 'assistant', content: null };
    if (pendingReasoning !== undefined) message.reasoning_content = pendingReasoning;
    pendingReasoning = undefined;
    messages.push(message);
    return message;
  };
  /** Calls join the assistant turn just before them (its text, its other calls), unless reasoning came between. */
  const assistantForCall = (): AssistantMessage => {
    const last = messages.at(-1);
    return last?.role === 'assistant' && pendingReasoning === undefined ? last : newAssistant();
  };
  for (const item of items) {
    if (item.type === 'function_call') {
      const call: ChatToolCall = { id: item.call_id, type: 'function', function: { name: item.name, arguments: item.arguments } };
      const assistant = assistantForCall();
      assistant.tool_calls = [...(assistant.tool_calls ?? []), call];
    } else if (item.type === 'function_call_output') {
      const content = typeof item.output === 'string' ? item.output : textOfParts(item.output);
      messages.push({ role: 'tool', tool_call_id: item.call_id, content });
    } else if (item.type === 'item_reference') {
      // Only a store can resolve a reference (the proxy does, before translating).
      throw new BadRequestError(`Item reference '${item.id}' cannot be resolved here: send the item itself.`, { param: 'input', code: null });
    } else if (item.type === 'reasoning') {
      const summary = item.summary.map((part) => part.text).join('\n\n');
      pendingReasoning = pendingReasoning === undefined ? summary : `${pendingReasoning}\n\n${summary}`;
    } else if (item.role === 'assistant') {
      const assistant = newAssistant();
      if (typeof item.content === 'string') assistant.content = item.content;
      else {
        const text = textOfParts(item.content.filter((part) => part.type !== 'refusal'));
        const refusal = item.content.flatMap((part) => (part.type === 'refusal' ? [part.refusal] : [])).join('');
        if (text !== '' || refusal === '') assistant.content = text;
        if (refusal !== '') assistant.refusal = refusal;
      }
    } else if (item.role === 'user') {
      messages.push({ role: 'user', content: userContent(item.content) });
    } else {
      const content = typeof item.content === 'string' ? item.content : textOfParts(item.content);
      messages.push({ role: item.role, content });
    }
  }
  return messages;
}
