import {
  BadRequestError,
  type AssistantMessage,
  type CacheControl,
  type TextContentPart,
  type UserContentPart,
} from '@tollgate/core';
import type { AnthropicContentBlockParam, AnthropicSource } from './anthropic-api.js';

// Content mapping of single messages (https://docs.anthropic.com/en/api/messages#body-messages).

const DATA_URL_PATTERN = /^data:([^;,]+)(?:;[^,]*)?;base64,(.*)$/s;

/** A block with the caller's `cache_control`, when one was set. */
function withCacheControl(
  block: AnthropicContentBlockParam,
  cacheControl: CacheControl | null | undefined,
): AnthropicContentBlockParam {
  return cacheControl ? { ...block, cache_control: cacheControl } : block;
}

/** Puts a message-level `cache_control` on the message's last block, where Anthropic expects the breakpoint. */
export function applyMessageCacheControl(
  blocks: AnthropicContentBlockParam[],
  cacheControl: CacheControl | null | undefined,
): AnthropicContentBlockParam[] {
  const last = blocks.at(-1);
  if (!cacheControl || !last) return blocks;
  return [...blocks.slice(0, -1), { ...last, cache_control: cacheControl }];
}

/** Text content (a string or text parts) as text blocks; empty texts are dropped because Anthropic rejects them. */
export function toAnthropicTextBlocks(content: string | readonly TextContentPart[]): AnthropicContentBlockParam[] {
  if (typeof content === 'string') return content === '' ? [] : [{ type: 'text', text: content }];
  return content
    .filter((part) => part.text !== '')
    .map((part) => withCacheControl({ type: 'text', text: part.text }, part.cache_control));
}

/** An image or file reference: `data:` URLs become base64 sources, http(s) URLs url sources. */
function toSource(reference: string, param: string, fallbackMediaType: string | undefined): AnthropicSource {
  const dataUrl = DATA_URL_PATTERN.exec(reference);
  if (dataUrl) return { type: 'base64', media_type: dataUrl[1] ?? '', data: dataUrl[2] ?? '' };
  if (/^https?:\/\//i.test(reference)) return { type: 'url', url: reference };
  if (fallbackMediaType) return { type: 'base64', media_type: fallbackMediaType, data: reference };
  throw new BadRequestError(`Anthropic needs an http(s) or base64 data: URL here, got "${reference.slice(0, 40)}"`, {
    param,
  });
}

/** One user content part as an Anthropic block. Audio has no Anthropic equivalent. */
function toUserBlock(part: UserContentPart, param: string): AnthropicContentBlockParam | undefined {
  switch (part.type) {
    case 'text':
      return part.text === '' ? undefined : withCacheControl({ type: 'text', text: part.text }, part.cache_control);
    case 'image_url': {
      const url = typeof part.image_url === 'string' ? part.image_url : part.image_url.url;
      return withCacheControl({ type: 'image', source: toSource(url, param, undefined) }, part.cache_control);
    }
    case 'file': {
      const file = part.file;
      // https://docs.anthropic.com/en/docs/build-with-claude/pdf-support; `file_id` needs the Files API beta header.
      const source: AnthropicSource = file.file_id
        ? { type: 'file', file_id: file.file_id }
        : toSource(file.file_data ?? '', param, file.format ?? 'application/pdf');
      const block: AnthropicContentBlockParam = file.filename
        ? { type: 'document', source, title: file.filename }
        : { type: 'document', source };
      return withCacheControl(block, part.cache_control);
    }
    case 'input_audio':
      throw new BadRequestError('Anthropic does not accept audio input', { param });
  }
}

/** A user message's content as blocks. */
export function toAnthropicUserBlocks(
  content: string | readonly UserContentPart[],
  param: string,
): AnthropicContentBlockParam[] {
  if (typeof content === 'string') return toAnthropicTextBlocks(content);
  const blocks: AnthropicContentBlockParam[] = [];
  content.forEach((part, index) => {
    const block = toUserBlock(part, `${param}[${index}]`);
    if (block) blocks.push(block);
  });
  return blocks;
}

/** Tool-call arguments (a JSON string) as the `input` object Anthropic wants. */
function parseToolInput(argumentsJson: string, param: string): unknown {
  if (argumentsJson.trim() === '') return {};
  try {
    return JSON.parse(argumentsJson);
  } catch {
    throw new BadRequestError('Tool call arguments must be valid JSON to be sent to Anthropic', { param });
  }
}

/**
 * An assistant turn as blocks: its signed thinking blocks first (Anthropic verifies them on tool-use turns and
 * wants them before the rest), then its text, then one `tool_use` block per tool call.
 */
export function toAnthropicAssistantBlocks(message: AssistantMessage, param: string): AnthropicContentBlockParam[] {
  const blocks: AnthropicContentBlockParam[] = [];
  for (const thinkingBlock of message.thinking_blocks ?? []) {
    if (thinkingBlock.type === 'thinking') {
      blocks.push({ type: 'thinking', thinking: thinkingBlock.thinking, signature: thinkingBlock.signature ?? '' });
    } else {
      blocks.push({ type: 'redacted_thinking', data: thinkingBlock.data });
    }
  }
  const content = message.content;
  if (typeof content === 'string') {
    blocks.push(...toAnthropicTextBlocks(content));
  } else if (content) {
    for (const part of content) {
      const text = part.type === 'text' ? part.text : part.refusal;
      if (text !== '') blocks.push(withCacheControl({ type: 'text', text }, part.type === 'text' ? part.cache_control : null));
    }
  }
  (message.tool_calls ?? []).forEach((toolCall, index) => {
    blocks.push({
      type: 'tool_use',
      id: toolCall.id,
      name: toolCall.function.name,
      input: parseToolInput(toolCall.function.arguments, `${param}.tool_calls[${index}].function.arguments`),
    });
  });
  return blocks;
}
