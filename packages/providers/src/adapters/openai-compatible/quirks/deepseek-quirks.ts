import type { OpenAIDialectQuirks } from '../../openai/openai-dialect.js';

/**
 * DeepSeek (https://api-docs.deepseek.com/api/create-chat-completion).
 * - Cache hits are reported as `prompt_cache_hit_tokens` (newer answers also fill
 *   `prompt_tokens_details.cached_tokens`, which wins when present).
 * - `insufficient_system_resource` ends a reply when their capacity runs out.
 * - `reasoning_content` is sent back within a tool loop in thinking mode
 *   (https://api-docs.deepseek.com/guides/thinking_mode).
 */
export const deepseekQuirks: OpenAIDialectQuirks = {
  cachedTokensOf: (usage) => {
    const hits = usage['prompt_cache_hit_tokens'];
    return typeof hits === 'number' ? hits : undefined;
  },
  finishReasons: { insufficient_system_resource: 'stop' },
  keepReasoningContent: true,
};
