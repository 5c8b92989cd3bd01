import { AuthenticationError, ContextWindowExceededError, type TollgateError } from '@tollgate/core';
import type { AdapterCallContext } from '../../adapter/adapter-call-context.js';
import { errorFromStatus, errorMessageOf } from '../../adapter/error-from-status.js';
import type { UpstreamErrorResponse } from '../../adapter/upstream-error-response.js';
import { geminiErrorBodySchema } from './gemini-api.js';

/** Gemini's wording for an over-long prompt: "The input token count (N) exceeds the maximum number of tokens allowed (M)". */
const CONTEXT_WINDOW_PATTERN = /input token count.*exceeds the maximum/i;

/** `RetryInfo.retryDelay` (`"34.4s"`) in seconds. */
function retryDelaySeconds(delay: string | null | undefined): number | undefined {
  const match = delay ? /^(\d+(?:\.\d+)?)s$/.exec(delay.trim()) : null;
  return match ? Number(match[1]) : undefined;
}

/**
 * Maps a Gemini error answer to a core error. Google reports an invalid key as 400 `INVALID_ARGUMENT` with the
 * reason `API_KEY_INVALID` in `details`, which is an `AuthenticationError` here; 429 `RESOURCE_EXHAUSTED` carries
 * its wait in `RetryInfo.retryDelay`, used when there is no `retry-after` header.
 */
export function geminiError(response: UpstreamErrorResponse, context: AdapterCallContext): TollgateError {
  const parsed = geminiErrorBodySchema.safeParse(response.body);
  const error = parsed.success ? parsed.data.error : undefined;
  const message = error?.message || errorMessageOf(response.body, response.status);
  const details = error?.details ?? [];
  const reason = details.find((detail) => detail.reason)?.reason ?? undefined;
  const retryAfterSeconds =
    response.retryAfterSeconds ?? retryDelaySeconds(details.find((detail) => detail.retryDelay)?.retryDelay);
  const options = { provider: context.providerId, model: context.model, code: reason ?? error?.status ?? null };

  if (reason === 'API_KEY_INVALID' || error?.status === 'UNAUTHENTICATED') {
    return new AuthenticationError(`${context.providerId} error: ${message}`, options);
  }
  if (response.status === 400 && CONTEXT_WINDOW_PATTERN.test(message)) {
    return new ContextWindowExceededError(`${context.providerId} error: ${message}`, options);
  }
  return errorFromStatus({
    response: { ...response, retryAfterSeconds },
    context,
    message,
    code: options.code,
  });
}

/** The error a stream event `{"error": {...}}` stands for; its status is the error's `code` (500 when absent). */
export function geminiStreamError(body: unknown, context: AdapterCallContext): TollgateError {
  const parsed = geminiErrorBodySchema.safeParse(body);
  const status = (parsed.success ? parsed.data.error?.code : undefined) ?? 500;
  return geminiError({ status, body, headers: {}, retryAfterSeconds: undefined }, context);
}
