import type { ProviderAdapter } from '../../adapter/provider-adapter.js';
import { joinUrl } from '../../adapter/join-url.js';
import { createOpenAIDialectAdapter } from '../openai/create-openai-dialect-adapter.js';
import type { OpenAICompatibleProvider } from './openai-compatible-provider.js';
import { openAICompatibleProviders } from './openai-compatible-providers.js';

/** The adapter for one row of the OpenAI-compatible table. */
export function createOpenAICompatibleAdapter(provider: OpenAICompatibleProvider): ProviderAdapter {
  const params = provider.params;
  return createOpenAIDialectAdapter({
    id: provider.id,
    displayName: provider.displayName,
    ...(provider.aliases ? { aliases: provider.aliases } : {}),
    envKeys: provider.envKeys,
    apiKeyRequired: provider.apiKeyRequired ?? true,
    ...(provider.apiBaseEnv ? { apiBaseEnv: provider.apiBaseEnv } : {}),
    defaultApiBase: provider.baseUrl,
    authScheme: { kind: 'bearer' },
    supportedParams: typeof params === 'function' ? params : () => params,
    ...(provider.chatUrl ? { chatUrl: provider.chatUrl } : {}),
    ...(provider.embeddings
      ? { embeddingUrl: provider.embeddingUrl ?? ((context) => joinUrl(context.apiBase, 'embeddings')) }
      : {}),
    ...(provider.quirks ? { quirks: provider.quirks } : {}),
  });
}

/** One adapter per row of the table, in table order. */
export const openAICompatibleAdapters: readonly ProviderAdapter[] =
  openAICompatibleProviders.map(createOpenAICompatibleAdapter);
