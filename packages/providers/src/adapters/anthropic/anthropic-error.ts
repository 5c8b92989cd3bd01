import { ServiceUnavailableError, type TollgateError } from '@tollgate/core';
import type { AdapterCallContext } from '../../adapter/adapter-call-context.js';
import { errorFromStatus, errorMessageOf } from '../../adapter/error-from-status.js';
import type { UpstreamErrorResponse } from '../../adapter/upstream-error-response.js';
import { anthropicErrorBodySchema } from './anthropic-api.js';

/**
 * HTTP status of each Anthropic error type (https://docs.anthropic.com/en/api/errors), used for in-stream `error`
 * events, which carry a type but no status.
 */
const STATUS_BY_ERROR_TYPE: Readonly<Record<string, number>> = {
  invalid_request_error: 400,
  authentication_error: 401,
  billing_error: 402,
  permission_error: 403,
  not_found_error: 404,
  request_too_large: 413,
  rate_limit_error: 429,
  api_error: 500,
  timeout_error: 504,
  overloaded_error: 529,
};

/**
 * Maps an Anthropic error answer to a core error. Body: `{"type":"error","error":{"type","message"},"request_id"}`.
 * `prompt is too long` (400) becomes `ContextWindowExceededError` through the shared message patterns;
 * `overloaded_error` (HTTP 529, Anthropic-only) becomes a retryable `ServiceUnavailableError` (503), the status
 * OpenAI clients know to retry.
 */
export function anthropicError(response: UpstreamErrorResponse, context: AdapterCallContext): TollgateError {
  const parsed = anthropicErrorBodySchema.safeParse(response.body);
  const errorType = parsed.success ? parsed.data.error?.type : undefined;
  const message = (parsed.success ? parsed.data.error?.message : undefined) || errorMessageOf(response.body, response.status);
  if (response.status === 529 || errorType === 'overloaded_error') {
    return new ServiceUnavailableError(`${context.providerId} error: ${message}`, {
      provider: context.providerId,
      model: context.model,
      code: errorType ?? 'overloaded_error',
      ...(response.retryAfterSeconds !== undefined ? { retryAfterSeconds: response.retryAfterSeconds } : {}),
    });
  }
  return errorFromStatus({ response, context, message, code: errorType ?? null });
}

/**
 * The error an in-stream `event: error` stands for (e.g. `overloaded_error` after the stream started). Its status
 * comes from the error type, since the HTTP status was already 200.
 */
export function anthropicStreamError(body: unknown, context: AdapterCallContext): TollgateError {
  const parsed = anthropicErrorBodySchema.safeParse(body);
  const errorType = parsed.success ? parsed.data.error?.type : undefined;
  const status = (errorType && STATUS_BY_ERROR_TYPE[errorType]) || 500;
  return anthropicError({ status, body, headers: {}, retryAfterSeconds: undefined }, context);
}
