import { BadRequestError, parseEmbeddingRequest, type EmbeddingRequest, type EmbeddingResponse } from '@tollgate/core';
import { buildMockEmbedding } from '../adapters/mock/build-mock-embedding.js';
import { asRequestedEmbeddings } from './embedding-encoding.js';
import { sendJson } from '../transport/send-json.js';
import { buildCallContext } from './build-call-context.js';
import { attachMetadata, type CallMetadata } from './call-metadata.js';
import type { CallOptions } from './call-options.js';
import { buildCallMetadata, retryOptionsOf, transportRequestOf, type CallState } from './call-state.js';
import { withoutOptionFields } from './option-fields-in-request.js';
import { resolveProvider } from '../registry/resolve-provider.js';
import { withRetries } from './with-retries.js';

/**
 * The request of `embedding()`: OpenAI's embedding body plus provider-specific params. Call settings are the
 * separate `CallOptions` argument; call-option names found here are removed with a warning, as in `completion()`.
 */
export type EmbeddingParams = EmbeddingRequest;

/** An embeddings answer in OpenAI's format, plus the non-enumerable `tollgate` metadata (cost, warnings…). */
export type EmbeddingResult = EmbeddingResponse & { readonly tollgate: CallMetadata };

/**
 * Embeds text with any provider that offers embeddings, answering in OpenAI's format. Same model naming,
 * credentials, retries and errors as `completion()`; a provider without embeddings fails with `BadRequestError`.
 * A `mockResponse` option (any string) or the mock provider answers with deterministic vectors, offline.
 */
export async function embedding(input: EmbeddingParams, options: CallOptions = {}): Promise<EmbeddingResult> {
  const { mockResponse } = options;
  if (mockResponse instanceof Error) throw mockResponse;
  const parsed = parseEmbeddingRequest(input);
  const { adapter, model } = resolveProvider(parsed.model);
  const { request, warnings } = withoutOptionFields(parsed, adapter.embedLocally !== undefined);
  const local = mockResponse !== undefined || adapter.embedLocally !== undefined;
  if (!local && (!adapter.toEmbeddingRequest || !adapter.fromEmbeddingResponse)) {
    throw new BadRequestError(`${adapter.displayName} (${adapter.id}) does not offer embeddings through Tollgate.`, {
      param: 'model',
      provider: adapter.id,
      model,
    });
  }
  const context = buildCallContext({ adapter, model, options, stream: false, includeUsage: false, requireCredentials: !local });
  const state: CallState = { adapter, context, options, warnings };
  let attempts = 1;
  let headers: Readonly<Record<string, string>> = {};
  let response: EmbeddingResponse;
  if (local) {
    response = adapter.embedLocally && mockResponse === undefined
      ? adapter.embedLocally(request, context)
      : buildMockEmbedding(request, context);
  } else {
    const toRequest = adapter.toEmbeddingRequest!.bind(adapter);
    const fromResponse = adapter.fromEmbeddingResponse!.bind(adapter);
    response = await withRetries(async (attemptNumber) => {
      attempts = attemptNumber;
      const answer = await sendJson(transportRequestOf(state, toRequest(request, context)));
      headers = answer.headers;
      return fromResponse(answer.body, context);
    }, retryOptionsOf(options));
  }
  response = asRequestedEmbeddings(response, request, adapter.id);
  return attachMetadata(
    response,
    buildCallMetadata(state, {
      usage: null,
      priceableUsage: response.usage,
      usageEstimated: false,
      reportedModel: response.model,
      attempts,
      responseHeaders: headers,
    }),
  );
}
