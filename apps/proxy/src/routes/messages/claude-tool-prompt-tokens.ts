import type { MessagesCountTokensRequest } from '@tollgate/core';

/**
 * The tokens of the system prompt Anthropic adds when a request has tools, which its own count includes: 346 with
 * `tool_choice` auto or none, 313 with any or tool (Anthropic's published figures for Claude Sonnet/Opus 3.7 and
 * later, https://docs.anthropic.com/en/docs/build-with-claude/tool-use/overview#pricing). 0 without tools.
 */
export function claudeToolPromptTokens(request: Pick<MessagesCountTokensRequest, 'tools' | 'tool_choice'>): number {
  if (request.tools == null || request.tools.length === 0) return 0;
  const forced = request.tool_choice?.type === 'any' || request.tool_choice?.type === 'tool';
  return forced ? 313 : 346;
}
