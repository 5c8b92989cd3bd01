import { BadRequestError, ProviderError, type EmbeddingRequest, type EmbeddingResponse } from '@tollgate/core';
import type { AdapterCallContext } from '../../adapter/adapter-call-context.js';
import { authHeaders } from '../../adapter/auth-scheme.js';
import type { HttpRequestSpec } from '../../adapter/http-request-spec.js';
import { ollamaEmbedResponseSchema } from './ollama-api.js';
import { ollamaApiUrl } from './to-ollama-request.js';

/**
 * An OpenAI embedding request → `POST /api/embed` (https://github.com/ollama/ollama/blob/main/docs/api.md#generate-embeddings).
 * `dimensions` is forwarded (newer servers honour it); provider-specific `truncate`, `keep_alive` and `options` too.
 */
export function toOllamaEmbeddingRequest(request: EmbeddingRequest, context: AdapterCallContext): HttpRequestSpec {
  const input = request.input;
  if (typeof input !== 'string' && !input.every((entry): entry is string => typeof entry === 'string')) {
    throw new BadRequestError('Ollama embeddings take text, not token arrays', { param: 'input' });
  }
  const body: Record<string, unknown> = { model: context.model, input };
  if (request.dimensions != null) body['dimensions'] = request.dimensions;
  for (const key of ['truncate', 'keep_alive', 'options']) {
    if (request[key] !== undefined) body[key] = request[key];
  }
  return {
    url: ollamaApiUrl(context.apiBase, 'embed'),
    method: 'POST',
    headers: { 'content-type': 'application/json', ...authHeaders({ kind: 'bearer' }, context.apiKey) },
    body,
  };
}

/** `/api/embed` response → OpenAI's embedding list; usage from `prompt_eval_count`. */
export function fromOllamaEmbeddingResponse(body: unknown, context: AdapterCallContext): EmbeddingResponse {
  const parsed = ollamaEmbedResponseSchema.safeParse(body);
  if (!parsed.success) {
    throw new ProviderError(`${context.providerId} sent an embedding response without embeddings`, {
      upstreamStatus: 502,
      body,
      provider: context.providerId,
      model: context.model,
      cause: parsed.error,
    });
  }
  const promptTokens = parsed.data.prompt_eval_count ?? 0;
  return {
    object: 'list',
    data: parsed.data.embeddings.map((embedding, index) => ({ object: 'embedding', index, embedding })),
    model: parsed.data.model || context.model,
    usage: { prompt_tokens: promptTokens, total_tokens: promptTokens },
  };
}
