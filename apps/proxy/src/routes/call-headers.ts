import type { ServerResponse } from 'node:http';
import { routerMetadataOf } from '@tollgate/router';
import type { Admission } from '../gateway/gateway.js';
import { PROXY_VERSION } from '../server/proxy-version.js';

/** Provider response headers passed on, prefixed `llm_provider-` as LiteLLM does: its request id and rate limits only. */
const PASSED_PROVIDER_HEADER = /^(x-request-id|request-id|x-ratelimit-[a-z-]+|anthropic-ratelimit-[a-z-]+)$/;

/** LiteLLM's response headers that are known once a deployment answered (before any body byte). */
export function setCallHeaders(response: ServerResponse, admission: Admission, result: object): ReturnType<typeof routerMetadataOf> {
  const metadata = routerMetadataOf(result);
  response.setHeader('x-request-id', admission.requestId);
  response.setHeader('x-litellm-call-id', admission.requestId);
  response.setHeader('x-litellm-version', PROXY_VERSION);
  response.setHeader('x-litellm-model-group', admission.input.modelGroup);
  response.setHeader('x-litellm-response-duration-ms', String(Date.now() - admission.startedAt.getTime()));
  for (const name in admission.headers) response.setHeader(name, admission.headers[name]!);
  if (admission.loweredMaxTokens !== undefined) response.setHeader('x-tollgate-max-tokens-lowered', String(admission.loweredMaxTokens));
  if (metadata !== undefined) {
    response.setHeader('x-litellm-model-id', metadata.modelId);
    response.setHeader('x-litellm-attempted-retries', String(metadata.attemptedRetries));
    response.setHeader('x-litellm-attempted-fallbacks', String(metadata.attemptedFallbacks));
    response.setHeader('x-litellm-max-fallbacks', String(metadata.maxFallbacks));
  }
  const providerHeaders = (result as { tollgate?: { responseHeaders?: Readonly<Record<string, string>> } }).tollgate?.responseHeaders ?? {};
  for (const name in providerHeaders) {
    if (PASSED_PROVIDER_HEADER.test(name)) response.setHeader(`llm_provider-${name}`, providerHeaders[name]!);
  }
  return metadata;
}
