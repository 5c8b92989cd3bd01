import { ProviderError, TimeoutError, TollgateError } from '@tollgate/core';

/**
 * The error as a client may see it. Network failures and timeouts of an upstream call name the upstream's origin
 * (host and port) in their message, which is for the log only: they are answered with the same status, type and
 * code under a message that names the provider and nothing of where it lives.
 */
export function clientSafeError(error: TollgateError): TollgateError {
  const networkFailure = error instanceof ProviderError && error.upstreamStatus === 0;
  const timeout = error instanceof TimeoutError || error.status === 408;
  if (!networkFailure && !timeout) return error;
  const provider = error.provider ?? 'the provider';
  const message = timeout ? `The upstream call to ${provider} timed out` : `The upstream call to ${provider} failed: it could not be reached`;
  return new TollgateError(message, error.status, error.type, {
    code: error.code,
    param: error.param,
    retryAfterSeconds: error.retryAfterSeconds,
    headers: error.headers,
    provider: error.provider,
    model: error.model,
  });
}
