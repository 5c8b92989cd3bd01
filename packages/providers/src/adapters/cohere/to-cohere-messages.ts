import { BadRequestError, type ChatMessage, type TextContentPart, type UserContentPart } from '@tollgate/core';

/** A v2 chat message, as sent (https://docs.cohere.com/reference/chat#request.body.messages). */
export type CohereMessageParam = Record<string, unknown> & { role: 'system' | 'user' | 'assistant' | 'tool' };

function textOf(content: string | readonly TextContentPart[]): string {
  return typeof content === 'string' ? content : content.map((part) => part.text).join('');
}

/** User content: text and image parts (vision models take OpenAI's `image_url` shape); no audio or files. */
function toUserContent(content: string | readonly UserContentPart[], param: string): unknown {
  if (typeof content === 'string') return content;
  return content.map((part, index) => {
    switch (part.type) {
      case 'text':
        return { type: 'text', text: part.text };
      case 'image_url':
        return { type: 'image_url', image_url: { url: typeof part.image_url === 'string' ? part.image_url : part.image_url.url } };
      default:
        throw new BadRequestError(`Cohere does not accept ${part.type} content`, { param: `${param}[${index}]` });
    }
  });
}

/**
 * OpenAI messages → Cohere v2 messages, which are nearly OpenAI's. The differences: an assistant turn that calls
 * tools carries its text as `tool_plan` (Cohere's place for the words before tool calls), and developer
 * messages are system messages.
 */
export function toCohereMessages(messages: readonly ChatMessage[]): CohereMessageParam[] {
  return messages.map((message, index): CohereMessageParam => {
    const param = `messages[${index}]`;
    switch (message.role) {
      case 'system':
      case 'developer':
        return { role: 'system', content: textOf(message.content) };
      case 'user':
        return { role: 'user', content: toUserContent(message.content, `${param}.content`) };
      case 'assistant': {
        const content = message.content;
        const text =
          typeof content === 'string' ? content : (content ?? []).map((part) => (part.type === 'text' ? part.text : part.refusal)).join('');
        const toolCalls = message.tool_calls ?? [];
        if (toolCalls.length === 0) return { role: 'assistant', content: text };
        return {
          role: 'assistant',
          ...(text !== '' ? { tool_plan: text } : {}),
          tool_calls: toolCalls.map((toolCall) => ({
            id: toolCall.id,
            type: 'function',
            function: { name: toolCall.function.name, arguments: toolCall.function.arguments },
          })),
        };
      }
      case 'tool':
        return { role: 'tool', tool_call_id: message.tool_call_id, content: textOf(message.content) };
      case 'function':
        throw new BadRequestError('Cohere needs tool messages (role "tool"), not legacy function messages', {
          param: `${param}.role`,
        });
    }
  });
}
