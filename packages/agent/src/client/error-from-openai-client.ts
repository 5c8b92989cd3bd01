import {
  BudgetExceededError,
  ContextWindowExceededError,
  errorForStatus,
  ProviderError,
  TimeoutError,
  TollgateError,
  type TollgateErrorOptions,
} from '@tollgate/core';
import { APIConnectionError, APIConnectionTimeoutError, APIError } from 'openai';

/** `instanceof` alone would type the error `APIError<any, any, any>`. */
function isApiError(error: unknown): error is APIError {
  return error instanceof APIError;
}

/**
 * An error thrown by the `openai` client as a `@tollgate/core` error, so every model client fails the same way.
 * The endpoint's OpenAI error body (`type`, `code`, `param`) is kept: a Tollgate or LiteLLM proxy's
 * `budget_exceeded` becomes a `BudgetExceededError`. Anything that is not an `openai` error is returned as is.
 */
export function errorFromOpenAIClient(error: unknown, model: string): unknown {
  if (TollgateError.isInstance(error) || !isApiError(error)) return error;
  if (error instanceof APIConnectionTimeoutError) return new TimeoutError(`The model endpoint timed out: ${error.message}`, { model, cause: error });
  if (error instanceof APIConnectionError) {
    return new ProviderError(`Could not reach the model endpoint: ${error.message}`, { upstreamStatus: 0, model, cause: error });
  }
  const retryAfter = Number(error.headers?.get('retry-after'));
  const options: TollgateErrorOptions = {
    model,
    cause: error,
    ...(error.param != null ? { param: error.param } : {}),
    ...(error.code != null ? { code: error.code } : {}),
    ...(error.type !== undefined ? { type: error.type } : {}),
    ...(Number.isFinite(retryAfter) && retryAfter > 0 ? { retryAfterSeconds: retryAfter } : {}),
  };
  const message = error.message;
  if (error.type === 'budget_exceeded') return new BudgetExceededError(message, options);
  if (error.status === 400 && error.code === 'context_length_exceeded') return new ContextWindowExceededError(message, options);
  return errorForStatus(error.status ?? 0, message, { ...options, body: error.error });
}
