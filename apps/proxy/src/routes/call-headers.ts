import type { ServerResponse } from 'node:http';
import { routerMetadataOf } from '@tollgate/router';
import type { Admission } from '../gateway/gateway.js';

/** LiteLLM's response headers that are known once a deployment answered (before any body byte). */
export function setCallHeaders(response: ServerResponse, admission: Admission, result: object): ReturnType<typeof routerMetadataOf> {
  const metadata = routerMetadataOf(result);
  response.setHeader('x-litellm-call-id', admission.requestId);
  response.setHeader('x-litellm-model-group', admission.input.modelGroup);
  for (const name in admission.headers) response.setHeader(name, admission.headers[name]!);
  if (admission.loweredMaxTokens !== undefined) response.setHeader('x-tollgate-max-tokens-lowered', String(admission.loweredMaxTokens));
  if (metadata !== undefined) {
    response.setHeader('x-litellm-model-id', metadata.modelId);
    response.setHeader('x-litellm-attempted-retries', String(metadata.attemptedRetries));
    response.setHeader('x-litellm-attempted-fallbacks', String(metadata.attemptedFallbacks));
    response.setHeader('x-litellm-max-fallbacks', String(metadata.maxFallbacks));
  }
  return metadata;
}
