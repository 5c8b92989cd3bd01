import { AuthenticationError } from './authentication-error.js';
import { BadRequestError } from './bad-request-error.js';
import { NotFoundError } from './not-found-error.js';
import { PermissionDeniedError } from './permission-denied-error.js';
import { ProviderError } from './provider-error.js';
import { RateLimitError } from './rate-limit-error.js';
import { ServiceUnavailableError } from './service-unavailable-error.js';
import { TimeoutError } from './timeout-error.js';
import type { TollgateError, TollgateErrorOptions } from './tollgate-error.js';

export interface ErrorForStatusOptions extends TollgateErrorOptions {
  /** The upstream body, kept on the `ProviderError` that statuses without a class of their own become. */
  body?: unknown;
}

/**
 * The error class for an HTTP error status from upstream (a provider, another gateway): 400, 401, 403, 404, 408,
 * 429 and 503 have classes of their own; any other status becomes a `ProviderError` keeping the status and body.
 * Callers refine first where the body says more (context window, content policy, budget).
 */
export function errorForStatus(status: number, message: string, options: ErrorForStatusOptions = {}): TollgateError {
  const { body, ...errorOptions } = options;
  switch (status) {
    case 400:
      return new BadRequestError(message, errorOptions);
    case 401:
      return new AuthenticationError(message, errorOptions);
    case 403:
      return new PermissionDeniedError(message, errorOptions);
    case 404:
      return new NotFoundError(message, errorOptions);
    case 408:
      return new TimeoutError(message, errorOptions);
    case 429:
      return new RateLimitError(message, errorOptions);
    case 503:
      return new ServiceUnavailableError(message, errorOptions);
    default:
      return new ProviderError(message, { ...errorOptions, upstreamStatus: status, body });
  }
}
