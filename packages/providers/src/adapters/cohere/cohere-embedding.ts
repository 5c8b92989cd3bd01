import { BadRequestError, ProviderError, type EmbeddingRequest, type EmbeddingResponse } from '@tollgate/core';
import type { AdapterCallContext } from '../../adapter/adapter-call-context.js';
import { authHeaders } from '../../adapter/auth-scheme.js';
import type { HttpRequestSpec } from '../../adapter/http-request-spec.js';
import { cohereEmbedResponseSchema } from './cohere-api.js';
import { cohereV2Url } from './to-cohere-request.js';

/**
 * `input_type` when the caller sets none: v3+ embed models require one, and `search_document` (what LiteLLM
 * sends) suits text stored for retrieval. Pass `input_type: 'search_query'` for queries.
 */
export const COHERE_DEFAULT_INPUT_TYPE = 'search_document';

/**
 * An OpenAI embedding request → `POST /v2/embed` (https://docs.cohere.com/reference/embed) with float
 * embeddings. `dimensions` → `output_dimension`; the provider-specific `input_type` and `truncate` are forwarded.
 */
export function toCohereEmbeddingRequest(request: EmbeddingRequest, context: AdapterCallContext): HttpRequestSpec {
  const texts = typeof request.input === 'string' ? [request.input] : request.input;
  if (!texts.every((text): text is string => typeof text === 'string')) {
    throw new BadRequestError('Cohere embeddings take text, not token arrays', { param: 'input' });
  }
  const inputType = request['input_type'];
  const body: Record<string, unknown> = {
    model: context.model,
    texts,
    input_type: typeof inputType === 'string' ? inputType : COHERE_DEFAULT_INPUT_TYPE,
    embedding_types: ['float'],
  };
  if (request.dimensions != null) body['output_dimension'] = request.dimensions;
  if (request['truncate'] !== undefined) body['truncate'] = request['truncate'];
  return {
    url: cohereV2Url(context.apiBase, 'embed'),
    method: 'POST',
    headers: { 'content-type': 'application/json', ...authHeaders({ kind: 'bearer' }, context.apiKey) },
    body,
  };
}

/** v2 embed response → OpenAI's embedding list; usage is what Cohere bills (`meta.billed_units.input_tokens`). */
export function fromCohereEmbeddingResponse(body: unknown, context: AdapterCallContext): EmbeddingResponse {
  const parsed = cohereEmbedResponseSchema.safeParse(body);
  const vectors = parsed.success ? parsed.data.embeddings.float : undefined;
  if (!parsed.success || !vectors) {
    throw new ProviderError(`${context.providerId} sent an embedding response without float embeddings`, {
      upstreamStatus: 502,
      body,
      provider: context.providerId,
      model: context.model,
    });
  }
  const promptTokens = parsed.data.meta?.billed_units?.input_tokens ?? 0;
  return {
    object: 'list',
    data: vectors.map((embedding, index) => ({ object: 'embedding', index, embedding })),
    model: context.model,
    usage: { prompt_tokens: promptTokens, total_tokens: promptTokens },
  };
}
