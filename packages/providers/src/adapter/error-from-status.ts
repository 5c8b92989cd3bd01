import {
  ContentPolicyViolationError,
  ContextWindowExceededError,
  errorForStatus,
  type TollgateError,
  type TollgateErrorOptions,
} from '@tollgate/core';
import type { AdapterCallContext } from './adapter-call-context.js';
import type { UpstreamErrorResponse } from './upstream-error-response.js';

/** What an adapter extracted from an error body, for `errorFromStatus`. */
export interface ErrorFromStatusInput {
  readonly response: UpstreamErrorResponse;
  readonly context: AdapterCallContext;
  /** The provider's message (already extracted from its error body). */
  readonly message: string;
  /** The provider's error code/type, kept as the error's `code` when set (e.g. `invalid_api_key`). */
  readonly code?: string | null;
  /** The request field at fault, when the provider names one. */
  readonly param?: string | null;
}

// Provider-neutral phrases; LiteLLM matches similar ones because most providers only signal this in text.
const CONTEXT_WINDOW_PATTERN =
  /context[_ ]length|context window|maximum context|too many tokens|prompt is too long|input is too long|exceeds? the (?:maximum|model'?s?) (?:context|input)|reduce the length/i;
const CONTENT_POLICY_PATTERN = /content[_ ]?(?:policy|filter|management)|safety system|flagged/i;

/**
 * The status-based fallback every adapter's `toError` ends with: the core error class for the HTTP status, with
 * provider, model, code and `retryAfterSeconds` filled in. A 400 whose message speaks of the context window or a
 * content filter becomes `ContextWindowExceededError` / `ContentPolicyViolationError`. 5xx other than 503 stay
 * `ProviderError`s, which keep the upstream status and body for logs and retries.
 */
export function errorFromStatus(input: ErrorFromStatusInput): TollgateError {
  const { response, context } = input;
  const message = `${context.providerId} error: ${input.message}`;
  const options: TollgateErrorOptions = {
    provider: context.providerId,
    model: context.model,
    ...(input.param != null ? { param: input.param } : {}),
    ...(input.code != null ? { code: input.code } : {}),
    ...(response.retryAfterSeconds !== undefined ? { retryAfterSeconds: response.retryAfterSeconds } : {}),
  };
  if (response.status === 400 || response.status === 413 || response.status === 422) {
    if (CONTEXT_WINDOW_PATTERN.test(input.message)) return new ContextWindowExceededError(message, options);
    if (CONTENT_POLICY_PATTERN.test(input.message)) return new ContentPolicyViolationError(message, options);
  }
  return errorForStatus(response.status, message, { ...options, body: response.body });
}

/**
 * The message of a typical JSON error body: `{error: {message}}`, `{error: "text"}`, `{message}`, `{detail}`, or
 * the raw text. Never returns an empty string.
 */
export function errorMessageOf(body: unknown, status: number): string {
  if (typeof body === 'string') return body.trim() || `HTTP ${status}`;
  if (typeof body === 'object' && body !== null) {
    const record = body as Record<string, unknown>;
    const error = record['error'];
    if (typeof error === 'string' && error) return error;
    if (typeof error === 'object' && error !== null) {
      const nested = (error as Record<string, unknown>)['message'];
      if (typeof nested === 'string' && nested) return nested;
    }
    for (const key of ['message', 'detail', 'msg']) {
      const value = record[key];
      if (typeof value === 'string' && value) return value;
    }
    return JSON.stringify(body).slice(0, 500);
  }
  return `HTTP ${status}`;
}
