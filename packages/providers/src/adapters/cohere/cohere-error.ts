import type { TollgateError } from '@tollgate/core';
import type { AdapterCallContext } from '../../adapter/adapter-call-context.js';
import { errorFromStatus, errorMessageOf } from '../../adapter/error-from-status.js';
import type { UpstreamErrorResponse } from '../../adapter/upstream-error-response.js';

/**
 * Maps a Cohere error answer (`{"message": "..."}`, https://docs.cohere.com/reference/errors) to a core error by
 * status; "too many tokens" 400s become `ContextWindowExceededError` through the shared message patterns. 402
 * (payment required) stays a non-retryable `ProviderError`.
 */
export function cohereError(response: UpstreamErrorResponse, context: AdapterCallContext): TollgateError {
  return errorFromStatus({ response, context, message: errorMessageOf(response.body, response.status) });
}
