import { chatCompletionRequestSchema, type ChatCompletionRequest } from './chat-completion-request.js';

/** The names of the standard OpenAI chat completion params: every key `chatCompletionRequestSchema` checks. */
export const standardChatCompletionParams: ReadonlySet<string> = new Set(
  Object.keys(chatCompletionRequestSchema.shape),
);

/**
 * The top-level keys of a request that are not standard OpenAI params, with their values: the provider-specific
 * params an adapter forwards as they are (e.g. `{ thinking: {type: 'enabled', budget_tokens: 2048} }`).
 */
export function providerSpecificParamsOf(request: ChatCompletionRequest): Record<string, unknown> {
  const params: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(request)) {
    if (!standardChatCompletionParams.has(key)) params[key] = value;
  }
  return params;
}
