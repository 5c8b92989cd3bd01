import {
  AuthenticationError,
  ContentPolicyViolationError,
  ContextWindowExceededError,
  ProviderError,
  type TollgateError,
  type TollgateErrorOptions,
} from '@tollgate/core';
import type { AdapterCallContext } from '../../adapter/adapter-call-context.js';
import { errorFromStatus, errorMessageOf } from '../../adapter/error-from-status.js';
import type { UpstreamErrorResponse } from '../../adapter/upstream-error-response.js';
import { openAIWireErrorSchema } from './openai-api.js';
import type { OpenAIDialectQuirks } from './openai-dialect.js';

/** The fields of an OpenAI-style error body (`{"error": {message, type, param, code}}`), tolerant of variants. */
export interface OpenAIErrorDetails {
  readonly message: string;
  readonly type: string | undefined;
  readonly param: string | undefined;
  readonly code: string | undefined;
}

/** Reads an OpenAI-style error body; also `{"error": "text"}`, `{"message"}`, `{"detail"}` and plain text. */
export function openAIErrorDetailsOf(body: unknown, status: number): OpenAIErrorDetails {
  const parsed = openAIWireErrorSchema.safeParse(body);
  const error = parsed.success ? parsed.data.error : undefined;
  const nested = typeof error === 'object' && error !== null ? error : undefined;
  return {
    message: nested?.message || errorMessageOf(body, status),
    type: nested?.type ?? undefined,
    param: nested?.param ?? undefined,
    code: nested?.code != null ? String(nested.code) : undefined,
  };
}

/**
 * Maps an OpenAI-dialect error answer (https://platform.openai.com/docs/guides/error-codes) to a core error:
 * `invalid_api_key` → `AuthenticationError`; `context_length_exceeded` (or the message, for providers such as
 * DeepSeek that only say it in words) → `ContextWindowExceededError`; `content_filter` / `content_policy_violation`
 * → `ContentPolicyViolationError`; 429 `insufficient_quota` → a non-retryable 429 `ProviderError` (retrying cannot
 * help until the account is topped up), other 429s → `RateLimitError`. The provider's quirk hook runs first.
 */
export function openAIDialectError(
  response: UpstreamErrorResponse,
  context: AdapterCallContext,
  quirks: OpenAIDialectQuirks = {},
): TollgateError {
  const fromQuirk = quirks.toError?.(response, context);
  if (fromQuirk) return fromQuirk;
  const details = openAIErrorDetailsOf(response.body, response.status);
  const code = details.code ?? details.type;
  const message = `${context.providerId} error: ${details.message}`;
  const options: TollgateErrorOptions = {
    provider: context.providerId,
    model: context.model,
    ...(details.param !== undefined ? { param: details.param } : {}),
    ...(code !== undefined ? { code } : {}),
    ...(response.retryAfterSeconds !== undefined ? { retryAfterSeconds: response.retryAfterSeconds } : {}),
  };
  if (code === 'invalid_api_key' || details.type === 'authentication_error') {
    return new AuthenticationError(message, options);
  }
  if (code === 'context_length_exceeded' || code === 'string_above_max_length') {
    return new ContextWindowExceededError(message, options);
  }
  if (code === 'content_filter' || code === 'content_policy_violation') {
    return new ContentPolicyViolationError(message, options);
  }
  if (response.status === 429 && (code === 'insufficient_quota' || details.type === 'insufficient_quota')) {
    return new ProviderError(message, { ...options, upstreamStatus: 429, body: response.body, retryable: false });
  }
  return errorFromStatus({ response, context, message: details.message, code, param: details.param });
}
