import { joinUrl } from '../../adapter/join-url.js';
import { createOpenAIDialectAdapter } from './create-openai-dialect-adapter.js';
import { isOpenAIReasoningModel, openAISupportedParams } from './openai-supported-params.js';

/**
 * OpenAI (https://platform.openai.com/docs/api-reference/chat). The reference dialect: requests and answers pass
 * through, normalised. Reasoning models take the output limit only as `max_completion_tokens`, so `max_tokens` is
 * renamed for them (https://platform.openai.com/docs/guides/reasoning).
 */
export const openAIAdapter = createOpenAIDialectAdapter({
  id: 'openai',
  displayName: 'OpenAI',
  envKeys: ['OPENAI_API_KEY'],
  apiKeyRequired: true,
  apiBaseEnv: ['OPENAI_BASE_URL', 'OPENAI_API_BASE'],
  defaultApiBase: 'https://api.openai.com/v1',
  authScheme: { kind: 'bearer' },
  supportedParams: openAISupportedParams,
  embeddingUrl: (context) => joinUrl(context.apiBase, 'embeddings'),
  quirks: {
    maxTokensField: (model) => (isOpenAIReasoningModel(model) ? 'max_completion_tokens' : undefined),
  },
});
