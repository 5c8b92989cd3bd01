import type { Dispatcher } from 'undici';

/**
 * Options of a `completion()` / `embedding()` call that are not OpenAI params. They are camelCase, so they never
 * collide with the snake_case OpenAI and provider-specific params beside them, and none is sent to the provider.
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
   * `stream: true`); an `Error` is thrown as is. LiteLLM's `mock_response` param does the same.
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

/** The keys of `CallOptions`, to split them from the request body. */
export const CALL_OPTION_KEYS: ReadonlySet<string> = new Set<keyof CallOptions>([
  'apiKey',
  'apiBase',
  'apiVersion',
  'timeoutMs',
  'signal',
  'numRetries',
  'retryBaseDelayMs',
  'headers',
  'dropParams',
  'mockResponse',
  'dispatcher',
  'requestValidated',
]);

/** Splits a params object into call options and the request body (everything else, unvalidated). */
export function splitCallOptions(params: object): { options: CallOptions; body: Record<string, unknown> } {
  const options: Record<string, unknown> = {};
  const body: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(params)) {
    if (CALL_OPTION_KEYS.has(key)) options[key] = value;
    else body[key] = value;
  }
  return { options: options as CallOptions, body };
}
