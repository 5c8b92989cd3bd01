import { BadRequestError, ProviderError, type EmbeddingRequest, type EmbeddingResponse } from '@tollgate/core';
import type { AdapterCallContext } from '../../adapter/adapter-call-context.js';
import { authHeaders } from '../../adapter/auth-scheme.js';
import type { HttpRequestSpec } from '../../adapter/http-request-spec.js';
import { joinUrl } from '../../adapter/join-url.js';
import { z } from 'zod';
import { geminiBatchEmbedResponseSchema } from './gemini-api.js';
import { geminiApiRoot, geminiModelPath } from './to-gemini-request.js';

/** Usage the batch endpoint may report; Gemini's embedding answers have usually carried none. */
const embedUsageSchema = z.looseObject({ usageMetadata: z.looseObject({ promptTokenCount: z.number().nullish() }).nullish() });

/**
 * An OpenAI embedding request → `models/{model}:batchEmbedContents`, one request per input string
 * (https://ai.google.dev/api/embeddings). `dimensions` → `outputDimensionality`; the provider-specific
 * `task_type` (e.g. `RETRIEVAL_DOCUMENT`) → `taskType`. Token-array inputs have no Gemini equivalent.
 */
export function toGeminiEmbeddingRequest(request: EmbeddingRequest, context: AdapterCallContext): HttpRequestSpec {
  const inputs = typeof request.input === 'string' ? [request.input] : request.input;
  if (!inputs.every((input): input is string => typeof input === 'string')) {
    throw new BadRequestError('Gemini embeddings take text, not token arrays', { param: 'input' });
  }
  const model = geminiModelPath(context.model);
  const taskType = request['task_type'];
  const requests = inputs.map((text) => ({
    model,
    content: { parts: [{ text }] },
    ...(request.dimensions != null ? { outputDimensionality: request.dimensions } : {}),
    ...(typeof taskType === 'string' ? { taskType } : {}),
  }));
  return {
    url: joinUrl(geminiApiRoot(context.apiBase), `${model}:batchEmbedContents`),
    method: 'POST',
    headers: { 'content-type': 'application/json', ...authHeaders({ kind: 'header', name: 'x-goog-api-key' }, context.apiKey) },
    body: { requests },
  };
}

/**
 * `batchEmbedContents` response → OpenAI's embedding list. Gemini reports no token counts for embeddings, so
 * usage is 0 unless a `usageMetadata` is present.
 */
export function fromGeminiEmbeddingResponse(body: unknown, context: AdapterCallContext): EmbeddingResponse {
  const parsed = geminiBatchEmbedResponseSchema.safeParse(body);
  if (!parsed.success) {
    throw new ProviderError(`${context.providerId} sent an embedding response without embeddings`, {
      upstreamStatus: 502,
      body,
      provider: context.providerId,
      model: context.model,
      cause: parsed.error,
    });
  }
  const usage = embedUsageSchema.safeParse(body);
  const promptTokens = (usage.success ? usage.data.usageMetadata?.promptTokenCount : undefined) ?? 0;
  return {
    object: 'list',
    data: parsed.data.embeddings.map((embedding, index) => ({
      object: 'embedding',
      index,
      embedding: embedding.values,
    })),
    model: context.model,
    usage: { prompt_tokens: promptTokens, total_tokens: promptTokens },
  };
}
