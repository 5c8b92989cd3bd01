import { BadRequestError, type ChatMessage } from '@tollgate/core';
import type { AnthropicContentBlockParam, AnthropicMessageParam } from './anthropic-api.js';
import {
  applyMessageCacheControl,
  toAnthropicAssistantBlocks,
  toAnthropicTextBlocks,
  toAnthropicUserBlocks,
} from './to-anthropic-content.js';

/** OpenAI messages split the way Anthropic wants them. */
export interface AnthropicConversation {
  /** Every system and developer message, in order, as top-level text blocks (Anthropic has no system role). */
  readonly system: AnthropicContentBlockParam[];
  /** Alternating user/assistant turns. */
  readonly messages: AnthropicMessageParam[];
}

/**
 * OpenAI messages → Anthropic `system` + `messages`. Tool results become `tool_result` blocks in a user turn, and
 * consecutive turns of the same role are merged into one, so several tool results answering one assistant turn
 * travel together as Anthropic requires.
 */
export function toAnthropicConversation(messages: readonly ChatMessage[]): AnthropicConversation {
  const system: AnthropicContentBlockParam[] = [];
  const turns: AnthropicMessageParam[] = [];
  const append = (role: AnthropicMessageParam['role'], blocks: AnthropicContentBlockParam[]): void => {
    if (blocks.length === 0) return;
    const last = turns.at(-1);
    if (last && last.role === role) last.content.push(...blocks);
    else turns.push({ role, content: blocks });
  };

  messages.forEach((message, index) => {
    const param = `messages[${index}]`;
    switch (message.role) {
      case 'system':
        system.push(...applyMessageCacheControl(toAnthropicTextBlocks(message.content), message.cache_control));
        break;
      case 'developer':
        system.push(...toAnthropicTextBlocks(message.content));
        break;
      case 'user':
        append(
          'user',
          applyMessageCacheControl(toAnthropicUserBlocks(message.content, `${param}.content`), message.cache_control),
        );
        break;
      case 'assistant':
        append('assistant', applyMessageCacheControl(toAnthropicAssistantBlocks(message, param), message.cache_control));
        break;
      case 'tool': {
        const content = typeof message.content === 'string' ? message.content : toAnthropicTextBlocks(message.content);
        const block: AnthropicContentBlockParam = { type: 'tool_result', tool_use_id: message.tool_call_id, content };
        // A failed tool's result, as the Messages API marks it (the chat API has no such field; Tollgate keeps it).
        if (message['is_error'] === true) block.is_error = true;
        append('user', applyMessageCacheControl([block], message.cache_control));
        break;
      }
      case 'function':
        throw new BadRequestError('Anthropic needs tool messages (role "tool"), not legacy function messages', {
          param: `${param}.role`,
        });
    }
  });
  return { system, messages: turns };
}
