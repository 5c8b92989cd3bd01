import type { TollgateError } from '@tollgate/core';
import type { AdapterCallContext } from '../../adapter/adapter-call-context.js';
import { errorFromStatus, errorMessageOf } from '../../adapter/error-from-status.js';
import type { UpstreamErrorResponse } from '../../adapter/upstream-error-response.js';

/**
 * Maps an Ollama error answer (`{"error": "..."}`) to a core error by status: an unknown or unpulled model is
 * 404 (`model "x" not found, try pulling it first`) → `NotFoundError`.
 */
export function ollamaError(response: UpstreamErrorResponse, context: AdapterCallContext): TollgateError {
  return errorFromStatus({ response, context, message: errorMessageOf(response.body, response.status) });
}

/** An `{"error": "..."}` line inside a stream: the server failed after answering 200, so a retryable 500. */
export function ollamaStreamError(body: unknown, context: AdapterCallContext): TollgateError {
  return ollamaError({ status: 500, body, headers: {}, retryAfterSeconds: undefined }, context);
}
