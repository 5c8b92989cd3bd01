import { BadRequestError } from '@tollgate/core';
import { completion, embedding, responses, type CallOptions } from '@tollgate/providers';
import type { LitellmParams } from '../config/litellm-params-schema.js';
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
 * Calls a deployment through `@tollgate/providers`. The call options come only from the deployment's
 * `litellm_params` (credentials, base URL, API version, `extra_headers`, provider-client retries `max_retries`
 * (default 0 since the router retries), `mock_response`) and from the router's own per-call settings (signal, time
 * limit, and credentials its caller passed in `RouterCallOptions`); a request's params can never set one. A request's `drop_params` only chooses whether unsupported params are
 * dropped; any other call-option name in it is removed by the providers with a warning.
 */
export function createProvidersCallDeployment(defaults: ProvidersCallDeploymentOptions = {}): CallDeployment {
  return async (call) => {
    const params = call.deployment.litellmParams;
    const { drop_params: dropParams, ...body } = call.params;
    const options = deploymentCallOptions(params);
    options.signal = call.signal;
    options.timeoutMs = call.timeoutMs;
    options.dropParams = typeof dropParams === 'boolean' ? dropParams : (defaults.dropParams ?? false);
    if (call.credentials?.apiKey) options.apiKey = call.credentials.apiKey;
    if (call.credentials?.apiBase) options.apiBase = call.credentials.apiBase;
    if (call.credentials?.apiVersion) options.apiVersion = call.credentials.apiVersion;
    if (call.kind === 'embedding') return embedding(body as typeof call.params, options);
    if (call.kind === 'responses') return responses(body as typeof call.params, options);
    if (call.requestValidated === true) options.requestValidated = true;
    return completion(body as typeof call.params, options);
  };
}

/** The default deployment caller of a Router: `createProvidersCallDeployment()` with no defaults. */
export const providersCallDeployment: CallDeployment = createProvidersCallDeployment();

/** The call options a deployment's configuration sets. */
function deploymentCallOptions(params: LitellmParams): CallOptions {
  const options: CallOptions = { numRetries: params.max_retries ?? 0 };
  if (params.api_key) options.apiKey = params.api_key;
  if (params.api_base) options.apiBase = params.api_base;
  if (params.api_version) options.apiVersion = params.api_version;
  if (typeof params['mock_response'] === 'string') options.mockResponse = params['mock_response'];
  const extraHeaders = params['extra_headers'];
  if (extraHeaders !== undefined && extraHeaders !== null) options.headers = headersOf(extraHeaders);
  return options;
}

function headersOf(value: unknown): Record<string, string> {
  const valid =
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Object.values(value).every((item) => typeof item === 'string');
  if (!valid) throw new BadRequestError('extra_headers must map header names to strings', { param: 'extra_headers' });
  return value as Record<string, string>;
}
