import type { ProviderAdapter } from '../../adapter/provider-adapter.js';
import { authHeaders } from '../../adapter/auth-scheme.js';
import { joinUrl } from '../../adapter/join-url.js';
import type { OpenAIDialectDefinition } from './openai-dialect.js';
import { fromOpenAIEmbeddingResponse, toOpenAIEmbeddingBody } from './openai-embedding.js';
import { openAIDialectError } from './openai-error.js';
import { fromOpenAIResponse } from './from-openai-response.js';
import { createOpenAIStreamParser } from './from-openai-stream.js';
import { toOpenAIRequestBody } from './to-openai-request.js';

/**
 * An adapter for a provider that speaks OpenAI's chat dialect: OpenAI itself, Azure, and every row of the
 * OpenAI-compatible table. The definition supplies identity, endpoints and quirk hooks; the mapping is shared.
 */
export function createOpenAIDialectAdapter(definition: OpenAIDialectDefinition): ProviderAdapter {
  const quirks = definition.quirks ?? {};
  const modelInBody = definition.modelInBody !== false;
  const adapter: ProviderAdapter = {
    id: definition.id,
    displayName: definition.displayName,
    ...(definition.aliases ? { aliases: definition.aliases } : {}),
    envKeys: definition.envKeys,
    apiKeyRequired: definition.apiKeyRequired,
    ...(definition.apiBaseEnv ? { apiBaseEnv: definition.apiBaseEnv } : {}),
    defaultApiBase: definition.defaultApiBase,
    ...(definition.apiVersionEnv ? { apiVersionEnv: definition.apiVersionEnv } : {}),
    ...(definition.defaultApiVersion ? { defaultApiVersion: definition.defaultApiVersion } : {}),
    authScheme: definition.authScheme,
    streamFormat: 'sse',
    supportedParams: definition.supportedParams,
    toChatRequest(request, context) {
      return {
        url: definition.chatUrl ? definition.chatUrl(context) : joinUrl(context.apiBase, 'chat/completions'),
        method: 'POST',
        headers: {
          ...authHeaders(definition.authScheme, context.apiKey),
          accept: context.stream ? 'text/event-stream' : 'application/json',
        },
        body: toOpenAIRequestBody(request, context, definition),
      };
    },
    fromChatResponse: (body, context) => fromOpenAIResponse(body, context, quirks),
    createChatStreamParser: (context) =>
      createOpenAIStreamParser(context, quirks, (response) => openAIDialectError(response, context, quirks)),
    toError: (response, context) => openAIDialectError(response, context, quirks),
  };
  const embeddingUrl = definition.embeddingUrl;
  if (embeddingUrl) {
    adapter.toEmbeddingRequest = (request, context) => ({
      url: embeddingUrl(context),
      method: 'POST',
      headers: { ...authHeaders(definition.authScheme, context.apiKey), accept: 'application/json' },
      body: toOpenAIEmbeddingBody(request, context, { modelInBody }),
    });
    adapter.fromEmbeddingResponse = fromOpenAIEmbeddingResponse;
  }
  return adapter;
}
