import type { Response } from 'express';
import { routerMetadataOf } from '@tollgate/router';
import type { Admission } from '../gateway/gateway.js';

/** LiteLLM's response headers that are known once a deployment answered (before any body byte). */
export function setCallHeaders(response: Response, admission: Admission, result: object): ReturnType<typeof routerMetadataOf> {
  const metadata = routerMetadataOf(result);
  const headers: Record<string, string> = {
    'x-litellm-call-id': admission.requestId,
    'x-litellm-model-group': admission.input.modelGroup,
    ...admission.headers,
  };
  if (metadata !== undefined) {
    headers['x-litellm-model-id'] = metadata.modelId;
    headers['x-litellm-attempted-retries'] = String(metadata.attemptedRetries);
    headers['x-litellm-attempted-fallbacks'] = String(metadata.attemptedFallbacks);
    headers['x-litellm-max-fallbacks'] = String(metadata.maxFallbacks);
  }
  response.set(headers);
  return metadata;
}
