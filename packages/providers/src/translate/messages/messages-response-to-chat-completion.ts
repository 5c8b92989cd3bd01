import type { ChatCompletion, MessagesResponse } from '@tollgate/core';
import { fromAnthropicResponse } from '../../adapters/anthropic/from-anthropic-response.js';
import { translationContext } from './translation-context.js';

/**
 * An Anthropic message → an OpenAI chat completion, by the Anthropic adapter's own mapping: text joined into
 * `content`, thinking into `reasoning_content` and `thinking_blocks` (signatures kept), `tool_use` into `tool_calls`,
 * usage with cache reads and writes added back into `prompt_tokens`.
 */
export function messagesResponseToChatCompletion(message: MessagesResponse, options: { created?: number } = {}): ChatCompletion {
  return fromAnthropicResponse(message, translationContext(message.model, false, options.created));
}
