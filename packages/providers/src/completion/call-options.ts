import type { Dispatcher } from 'undici';

/**
 * The caller's own settings of a `completion(request, options)` / `embedding(request, options)` call: the second
 * argument, never read from the request. Only the caller's code sets them; none is sent to the provider as a
 * body field.
 */
export interface CallOptions {
  /** API key; default: the provider's env var (e.g. `ZAI_API_KEY`). */
  apiKey?: string;
  /** Base URL; default: the provider's base env var (e.g. `ZAI_API_BASE`), else its public endpoint. */
  apiBase?: string;
  /** API version (Azure `api-version`, Anthropic `anthropic-version`); default: env var, else the adapter's. */
  apiVersion?: string;
  /**
   * Time limit per attempt in milliseconds (default 600 000, LiteLLM's 600 s). Non-stream: the whole exchange.
   * Stream: the wait for the first response bytes, then the longest silence between two pieces.
   */
  timeoutMs?: number;
  /** Cancels the call (and any retry wait, and a running stream) when aborted. */
  signal?: AbortSignal;
  /**
   * Retries after a retryable error (429, 408, 409, 5xx, network failure, timeout); default 0. Waits with
   * exponential backoff and jitter, or the provider's `retry-after` when it gives one (up to 60 s). A stream is
   * retried only before its first chunk reached the caller.
   */
  numRetries?: number;
  /** First backoff step in milliseconds (default 500; doubles per retry, capped at 8 s). */
  retryBaseDelayMs?: number;
  /** Extra HTTP headers for the provider; they override the adapter's on a name clash. */
  headers?: Record<string, string>;
  /**
   * Drop standard OpenAI params the provider does not support (reported in `tollgate.warnings`) instead of failing
   * with `UnsupportedParamsError`. Provider-specific params are always passed through.
   */
  dropParams?: boolean;
  /**
   * Answer without any network call: a string becomes the reply (a completion, or a stream with
   * `stream: true`); an `Error` is thrown as is. (LiteLLM's `mock_response` request param is not honoured: it is
   * removed from the request with a warning.)
   */
  mockResponse?: string | Error;
  /** undici dispatcher to send with instead of the shared keep-alive agent (proxies, tests). */
  dispatcher?: Dispatcher;
  /**
   * The chat request already passed `parseChatCompletionRequest` (a gateway validated the client's body) and was
   * not changed since except for `model`: skip validating it a second time. Default false.
   */
  requestValidated?: boolean;
}
