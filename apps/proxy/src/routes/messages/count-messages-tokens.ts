import type { MessagesCountTokensRequest } from '@tollgate/core';
import { countTokens } from '@tollgate/pricing';
import { messagesToChatRequest } from '@tollgate/providers';
import { claudeToolPromptTokens } from './claude-tool-prompt-tokens.js';

/**
 * A Messages prompt's input tokens by pricing's token counter (the model's own tokenizer for OpenAI models, an o200k
 * estimate for others), plus Claude's hidden tool-use prompt when the model is Claude and there are tools.
 */
export function countMessagesTokens(request: MessagesCountTokensRequest, options: { model: string; claude: boolean }): number {
  const chat = messagesToChatRequest({ ...request, max_tokens: 1 }, { nativeAnthropic: false });
  const counted = countTokens({ model: options.model, messages: chat.messages, tools: chat.tools ?? undefined }).tokens;
  return counted + (options.claude ? claudeToolPromptTokens(request) : 0);
}
