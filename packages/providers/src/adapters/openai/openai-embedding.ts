import { ProviderError, type EmbeddingRequest, type EmbeddingResponse } from '@tollgate/core';
import type { AdapterCallContext } from '../../adapter/adapter-call-context.js';
import { openAIWireEmbeddingResponseSchema } from './openai-api.js';

/** The `/embeddings` body: the request as is (provider-specific params kept), nulls dropped, the provider's model id. */
export function toOpenAIEmbeddingBody(
  request: EmbeddingRequest,
  context: AdapterCallContext,
  options: { modelInBody: boolean },
): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(request)) {
    if (value !== null && value !== undefined) body[key] = value;
  }
  if (options.modelInBody) body['model'] = context.model;
  else delete body['model'];
  return body;
}

/** An OpenAI-dialect embeddings answer in OpenAI's exact shape (missing usage counted as 0). */
export function fromOpenAIEmbeddingResponse(body: unknown, context: AdapterCallContext): EmbeddingResponse {
  const parsed = openAIWireEmbeddingResponseSchema.safeParse(body);
  if (!parsed.success) {
    throw new ProviderError(`${context.providerId} returned embeddings Tollgate cannot read.`, {
      upstreamStatus: 502,
      body,
      provider: context.providerId,
      model: context.model,
      cause: parsed.error,
    });
  }
  const response = parsed.data;
  const promptTokens = response.usage?.prompt_tokens ?? 0;
  return {
    object: 'list',
    data: response.data.map((item, position) => ({
      object: 'embedding',
      index: item.index ?? position,
      embedding: item.embedding,
    })),
    model: response.model || context.model,
    usage: { prompt_tokens: promptTokens, total_tokens: response.usage?.total_tokens ?? promptTokens },
  };
}
