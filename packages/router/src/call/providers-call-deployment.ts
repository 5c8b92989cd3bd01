import { BadRequestError } from '@tollgate/core';
import { completion, embedding, type CallOptions } from '@tollgate/providers';
import type { CallDeployment } from './deployment-call.js';

/** Defaults of the providers-backed deployment caller. */
export interface ProvidersCallDeploymentOptions {
  /**
   * Drop OpenAI params a provider does not support instead of failing (`litellm_settings.drop_params`). A
   * `drop_params` in the request or in a deployment's `litellm_params` wins.
   */
  dropParams?: boolean;
}

/**
 * Calls a deployment through `@tollgate/providers`: its `litellm_params` give the credentials, base URL, API version
 * and provider-client retries (`max_retries`, default 0 since the router retries), and `mock_response` answers
 * offline. LiteLLM's `drop_params` and `extra_headers` params become the providers' `dropParams` and `headers`
 * options instead of being sent to the provider.
 */
export function createProvidersCallDeployment(defaults: ProvidersCallDeploymentOptions = {}): CallDeployment {
  return async (call) => {
    const params = call.deployment.litellmParams;
    const { drop_params: dropParams, extra_headers: extraHeaders, ...body } = call.params;
    const options: CallOptions = {
      signal: call.signal,
      timeoutMs: call.timeoutMs,
      numRetries: params.max_retries ?? 0,
      dropParams: typeof dropParams === 'boolean' ? dropParams : (defaults.dropParams ?? false),
    };
    if (params.api_key) options.apiKey = params.api_key;
    if (params.api_base) options.apiBase = params.api_base;
    if (params.api_version) options.apiVersion = params.api_version;
    if (typeof params['mock_response'] === 'string') options.mockResponse = params['mock_response'];
    if (extraHeaders !== undefined && extraHeaders !== null) options.headers = headersOf(extraHeaders);
    if (call.kind === 'embedding') return embedding({ ...(body as typeof call.params), ...options });
    if (call.requestValidated === true) options.requestValidated = true;
    return completion({ ...(body as typeof call.params), ...options });
  };
}

/** The default deployment caller of a Router: `createProvidersCallDeployment()` with no defaults. */
export const providersCallDeployment: CallDeployment = createProvidersCallDeployment();

function headersOf(value: unknown): Record<string, string> {
  const valid =
    typeof value === 'object' &&
    !Array.isArray(value) &&
    Object.values(value as object).every((item) => typeof item === 'string');
  if (!valid) throw new BadRequestError('extra_headers must map header names to strings', { param: 'extra_headers' });
  return value as Record<string, string>;
}
