import { BadRequestError, type ChatMessage, type TextContentPart, type UserContentPart } from '@tollgate/core';

/** A `/api/chat` message, as sent (https://github.com/ollama/ollama/blob/main/docs/api.md#chat-request-with-history). */
export type OllamaMessageParam = Record<string, unknown> & { role: 'system' | 'user' | 'assistant' | 'tool'; content: string };

const DATA_URL_PATTERN = /^data:[^;,]+(?:;[^,]*)?;base64,(.*)$/s;

function textOf(content: string | readonly TextContentPart[]): string {
  return typeof content === 'string' ? content : content.map((part) => part.text).join('');
}

/**
 * User content → Ollama's text plus `images` (bare base64, no data-URL prefix). Ollama cannot fetch image URLs,
 * and an adapter does no I/O, so only `data:` URLs (or bare base64) are accepted.
 */
function toUserMessage(content: string | readonly UserContentPart[], param: string): OllamaMessageParam {
  if (typeof content === 'string') return { role: 'user', content };
  const texts: string[] = [];
  const images: string[] = [];
  content.forEach((part, index) => {
    switch (part.type) {
      case 'text':
        texts.push(part.text);
        break;
      case 'image_url': {
        const url = typeof part.image_url === 'string' ? part.image_url : part.image_url.url;
        if (/^https?:\/\//i.test(url)) {
          throw new BadRequestError('Ollama takes images as base64 data: URLs, not links', { param: `${param}[${index}]` });
        }
        images.push(DATA_URL_PATTERN.exec(url)?.[1] ?? url);
        break;
      }
      default:
        throw new BadRequestError(`Ollama does not accept ${part.type} content`, { param: `${param}[${index}]` });
    }
  });
  return images.length > 0 ? { role: 'user', content: texts.join('\n'), images } : { role: 'user', content: texts.join('\n') };
}

/** Tool-call arguments (a JSON string) as the object Ollama wants back. */
function parseArguments(argumentsJson: string, param: string): unknown {
  if (argumentsJson.trim() === '') return {};
  try {
    return JSON.parse(argumentsJson);
  } catch {
    throw new BadRequestError('Tool call arguments must be valid JSON to be sent to Ollama', { param });
  }
}

/**
 * OpenAI messages → Ollama messages. Assistant tool calls go back with `arguments` as objects and their reasoning
 * as `thinking`; tool results carry `tool_name` (Ollama matches results by name), recovered from the assistant
 * call with the same id.
 */
export function toOllamaMessages(messages: readonly ChatMessage[]): OllamaMessageParam[] {
  const toolNames = new Map<string, string>();
  return messages.map((message, index): OllamaMessageParam => {
    const param = `messages[${index}]`;
    switch (message.role) {
      case 'system':
      case 'developer':
        return { role: 'system', content: textOf(message.content) };
      case 'user':
        return toUserMessage(message.content, `${param}.content`);
      case 'assistant': {
        const content = message.content;
        const text =
          typeof content === 'string' ? content : (content ?? []).map((part) => (part.type === 'text' ? part.text : part.refusal)).join('');
        const mapped: OllamaMessageParam = { role: 'assistant', content: text };
        if (message.reasoning_content) mapped['thinking'] = message.reasoning_content;
        const toolCalls = message.tool_calls ?? [];
        if (toolCalls.length > 0) {
          mapped['tool_calls'] = toolCalls.map((toolCall, callIndex) => {
            toolNames.set(toolCall.id, toolCall.function.name);
            return {
              function: {
                name: toolCall.function.name,
                arguments: parseArguments(toolCall.function.arguments, `${param}.tool_calls[${callIndex}].function.arguments`),
              },
            };
          });
        }
        return mapped;
      }
      case 'tool': {
        const name = toolNames.get(message.tool_call_id);
        return { role: 'tool', content: textOf(message.content), ...(name ? { tool_name: name } : {}) };
      }
      case 'function':
        return { role: 'tool', content: message.content ?? '', tool_name: message.name };
    }
  });
}
