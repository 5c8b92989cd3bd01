import type {
  CacheControl,
  ChatCompletionRequest,
  ChatMessage,
  ChatTool,
  ChatToolChoice,
  MessagesContentBlock,
  MessagesMessage,
  MessagesRequest,
  MessagesSource,
  MessagesTool,
  TextContentPart,
  UserContentPart,
} from '@tollgate/core';
import { toolResultText } from './tool-result-text.js';

export interface MessagesToChatOptions {
  /**
   * Whether the call goes to Anthropic itself: then Anthropic-only fields (`thinking` as sent, `top_k`) travel on as
   * provider-specific params. Otherwise `thinking` with a budget becomes `reasoning_effort` and the rest is dropped,
   * since other providers refuse fields they do not know.
   */
  nativeAnthropic: boolean;
}

/**
 * An Anthropic Messages request → an OpenAI chat request. `system` becomes the first system message; each
 * `tool_result` block becomes a `tool` message (before the rest of its user turn); `tool_use` blocks become
 * `tool_calls`; thinking blocks become `thinking_blocks`; images and documents become content parts; every
 * `cache_control` stays where it was. Fields the chat API has no place for (`context_management`, …) are dropped.
 */
export function messagesToChatRequest(request: MessagesRequest, options: MessagesToChatOptions): ChatCompletionRequest {
  const messages: ChatMessage[] = [];
  if (request.system != null) {
    const content = typeof request.system === 'string' ? request.system : request.system.map(toTextPart);
    if (content.length > 0) messages.push({ role: 'system', content });
  }
  for (const message of request.messages) messages.push(...toChatMessages(message));

  const chat: ChatCompletionRequest = { model: request.model, messages, max_tokens: request.max_tokens };
  if (request.stop_sequences != null && request.stop_sequences.length > 0) chat.stop = request.stop_sequences;
  if (request.temperature != null) chat.temperature = request.temperature;
  if (request.top_p != null) chat.top_p = request.top_p;
  if (request.metadata?.user_id != null) chat.user = request.metadata.user_id;
  const tools = (request.tools ?? []).filter(isCustomTool).map(toChatTool);
  if (tools.length > 0) {
    chat.tools = tools;
    const choice = request.tool_choice;
    if (choice != null) {
      chat.tool_choice = toChatToolChoice(choice);
      if ('disable_parallel_tool_use' in choice && choice.disable_parallel_tool_use === true) chat.parallel_tool_calls = false;
    }
  }
  if (request.stream === true) {
    chat.stream = true;
    chat.stream_options = { include_usage: true };
  }
  Object.assign(chat, thinkingFields(request, options));
  return chat;
}

/** LiteLLM's budget → effort mapping, for providers that take an effort rather than a budget. */
function effortForBudget(budget: number): 'minimal' | 'low' | 'medium' | 'high' {
  if (budget >= 10_000) return 'high';
  if (budget >= 5_000) return 'medium';
  if (budget >= 2_000) return 'low';
  return 'minimal';
}

function thinkingFields(request: MessagesRequest, options: MessagesToChatOptions): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  if (options.nativeAnthropic) {
    if (request.thinking != null) fields['thinking'] = request.thinking;
    if (request.top_k != null) fields['top_k'] = request.top_k;
  } else if (request.thinking?.type === 'enabled') {
    fields['reasoning_effort'] = effortForBudget(request.thinking.budget_tokens);
  }
  return fields;
}

/** Server tools (web search, code execution…) run at Anthropic only; custom tools have no type or `custom`. */
function isCustomTool(tool: MessagesTool): boolean {
  return tool.type == null || tool.type === 'custom';
}

function toChatTool(tool: MessagesTool): ChatTool {
  const chatTool: ChatTool = {
    type: 'function',
    function: { name: tool.name, parameters: tool.input_schema ?? { type: 'object', properties: {} } },
  };
  if (tool.description != null) chatTool.function.description = tool.description;
  if (tool.cache_control != null) chatTool.cache_control = tool.cache_control;
  return chatTool;
}

function toChatToolChoice(choice: NonNullable<MessagesRequest['tool_choice']>): ChatToolChoice {
  switch (choice.type) {
    case 'auto':
      return 'auto';
    case 'any':
      return 'required';
    case 'none':
      return 'none';
    case 'tool':
      return { type: 'function', function: { name: choice.name } };
  }
}

function toTextPart(block: { text: string; cache_control?: TextContentPart['cache_control'] }): TextContentPart {
  return block.cache_control != null ? { type: 'text', text: block.text, cache_control: block.cache_control } : { type: 'text', text: block.text };
}

function dataUrl(source: Extract<MessagesSource, { type: 'base64' }>): string {
  return `data:${source.media_type};base64,${source.data}`;
}

/** An image, document or text block as a user content part. */
function toUserPart(block: MessagesContentBlock): UserContentPart | undefined {
  const marker = (block as { cache_control?: CacheControl | null }).cache_control;
  const cacheControl: { cache_control?: CacheControl } = marker != null ? { cache_control: marker } : {};
  switch (block.type) {
    case 'text':
      return toTextPart(block);
    case 'image':
      if (block.source.type === 'base64') return { type: 'image_url', image_url: { url: dataUrl(block.source) }, ...cacheControl };
      if (block.source.type === 'url') return { type: 'image_url', image_url: { url: block.source.url }, ...cacheControl };
      return undefined;
    case 'document': {
      const source = block.source;
      const filename = block.title != null ? { filename: block.title } : {};
      if (source.type === 'text') return { type: 'text', text: source.data, ...cacheControl };
      if (source.type === 'base64') {
        return { type: 'file', file: { file_data: dataUrl(source), format: source.media_type, ...filename }, ...cacheControl };
      }
      if (source.type === 'file') return { type: 'file', file: { file_id: source.file_id, ...filename }, ...cacheControl };
      return { type: 'file', file: { file_data: source.url, ...filename }, ...cacheControl };
    }
    default:
      return undefined;
  }
}

function toChatMessages(message: MessagesMessage): ChatMessage[] {
  if (typeof message.content === 'string') {
    if (message.role === 'assistant') return [{ role: 'assistant', content: message.content }];
    return [{ role: message.role, content: message.content }];
  }
  if (message.role === 'assistant') return [toAssistantMessage(message.content)];
  if (message.role === 'system') {
    const texts = message.content.filter((block) => block.type === 'text').map(toTextPart);
    return texts.length > 0 ? [{ role: 'system', content: texts }] : [];
  }
  const chat: ChatMessage[] = [];
  const parts: UserContentPart[] = [];
  for (const block of message.content) {
    if (block.type === 'tool_result') {
      const { text, images } = toolResultText(block);
      const tool: ChatMessage = { role: 'tool', tool_call_id: block.tool_use_id, content: text };
      if (block.cache_control != null) tool.cache_control = block.cache_control;
      if (block.is_error === true) (tool as Record<string, unknown>)['is_error'] = true;
      chat.push(tool);
      // A chat tool message carries text only: images a tool returned follow as user content.
      for (const image of images) {
        const part = toUserPart(image);
        if (part) parts.push(part);
      }
      continue;
    }
    const part = toUserPart(block);
    if (part) parts.push(part);
  }
  if (parts.length > 0) chat.push({ role: 'user', content: parts });
  return chat;
}

function toAssistantMessage(blocks: readonly MessagesContentBlock[]): ChatMessage {
  const texts: TextContentPart[] = [];
  const message: Extract<ChatMessage, { role: 'assistant' }> = { role: 'assistant', content: null };
  const thinkingBlocks: NonNullable<typeof message.thinking_blocks> = [];
  const toolCalls: NonNullable<typeof message.tool_calls> = [];
  const reasoning: string[] = [];
  for (const block of blocks) {
    switch (block.type) {
      case 'text':
        texts.push(toTextPart(block));
        break;
      case 'thinking':
        reasoning.push(block.thinking);
        thinkingBlocks.push({ type: 'thinking', thinking: block.thinking, signature: block.signature ?? '' });
        break;
      case 'redacted_thinking':
        thinkingBlocks.push({ type: 'redacted_thinking', data: block.data });
        break;
      case 'tool_use':
        toolCalls.push({ id: block.id, type: 'function', function: { name: block.name, arguments: JSON.stringify(block.input ?? {}) } });
        break;
      default:
        break;
    }
  }
  // One plain text block travels as a string, which every provider accepts; several (or cached ones) as parts.
  if (texts.length === 1 && texts[0]!.cache_control == null) message.content = texts[0]!.text;
  else if (texts.length > 0) message.content = texts;
  if (reasoning.length > 0) message.reasoning_content = reasoning.join('');
  if (thinkingBlocks.length > 0) message.thinking_blocks = thinkingBlocks;
  if (toolCalls.length > 0) message.tool_calls = toolCalls;
  return message;
}
