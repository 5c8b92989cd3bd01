import { ProviderError, TimeoutError, TollgateError } from '@tollgate/core';

/** What `toTransportError` needs to know about the failed request. */
export interface TransportErrorContext {
  readonly providerId: string;
  readonly model: string;
  /** The request's origin, for the message (never the full URL: it may carry a key in its query). */
  readonly origin: string;
  /** The caller's signal, to tell a caller's abort from a failure. */
  readonly callerSignal: AbortSignal | undefined;
  /** Whether the transport's own deadline fired. */
  readonly timedOut: () => boolean;
  readonly timeoutMs: number;
}

const TIMEOUT_CODES = new Set(['UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'ETIMEDOUT']);

/**
 * Turns anything thrown while talking to a provider into a typed error:
 * - a `TollgateError` (e.g. from `adapter.toError`) passes through;
 * - the caller's abort rethrows the signal's reason (an `AbortError` `DOMException` unless the caller gave one),
 *   except that a reason that is itself a timeout (`AbortSignal.timeout`) becomes `TimeoutError`;
 * - connect/headers/body timeouts and our deadline become `TimeoutError` (408, retryable);
 * - any other network failure (an error with a system or undici `code`) becomes `ProviderError` with
 *   `upstreamStatus: 0` (retryable), naming the cause; raw undici errors never escape, they stay reachable as `cause`;
 * - anything else (no `code`: a local fault such as a bug) is returned as is, never dressed up as the provider's.
 */
export function toTransportError(error: unknown, context: TransportErrorContext): unknown {
  if (TollgateError.isInstance(error)) return error;
  const options = { provider: context.providerId, model: context.model, cause: error };
  if (context.callerSignal?.aborted) {
    const reason: unknown = context.callerSignal.reason;
    if (isTimeoutReason(reason)) {
      return new TimeoutError(`Request to ${context.providerId} timed out (caller's signal).`, options);
    }
    return reason ?? error;
  }
  const code = errorCode(error);
  if (context.timedOut() || (code !== undefined && TIMEOUT_CODES.has(code))) {
    return new TimeoutError(
      `Request to ${context.providerId} (${context.origin}) timed out after ${context.timeoutMs} ms` +
        (code ? ` (${code}).` : '.'),
      options,
    );
  }
  // Not a network error (no system or undici code): a local fault (a bug), which must not pass for the provider's.
  if (code === undefined) return error;
  const detail = error instanceof Error ? error.message : String(error);
  return new ProviderError(
    `Could not reach ${context.providerId} at ${context.origin}: ${code ? `${code} ` : ''}${detail}`,
    { ...options, upstreamStatus: 0 },
  );
}

function isTimeoutReason(reason: unknown): boolean {
  return typeof reason === 'object' && reason !== null && (reason as { name?: unknown }).name === 'TimeoutError';
}

/** The `code` of an undici or Node system error, looking through `cause` (fetch-style wrappers). */
function errorCode(error: unknown): string | undefined {
  for (let current = error, depth = 0; current && depth < 4; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}
