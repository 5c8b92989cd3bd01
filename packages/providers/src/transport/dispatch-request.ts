import { request as undiciRequest, type Dispatcher } from 'undici';
import { flattenHeaders } from './flatten-headers.js';
import { parseRetryAfter } from './parse-retry-after.js';
import { readErrorBody } from './read-error-body.js';
import { serializeRequestBody } from './serialize-request-body.js';
import { getSharedDispatcher } from './shared-dispatcher.js';
import type { TransportRequest } from './transport-options.js';

/** A 2xx answer whose body is still unread. */
export interface DispatchedResponse {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: Dispatcher.ResponseData['body'];
}

/**
 * Sends the request and waits for a 2xx status. A non-2xx answer is read (bounded) and thrown as the adapter's
 * typed error, with `retry-after` parsed. A body that cannot be serialised fails with a `BadRequestError` before
 * any I/O. Raw network errors propagate for the caller to map with its own timeout context.
 */
export async function dispatchRequest(request: TransportRequest, signal: AbortSignal): Promise<DispatchedResponse> {
  const { spec } = request;
  const requestBody = spec.body === undefined ? undefined : serializeRequestBody(spec.body);
  const response = await undiciRequest(spec.url, {
    method: spec.method,
    headers: spec.body === undefined ? spec.headers : { 'content-type': 'application/json', ...spec.headers },
    body: requestBody,
    signal,
    dispatcher: request.dispatcher ?? getSharedDispatcher(),
    headersTimeout: request.timeoutMs,
    bodyTimeout: request.timeoutMs,
  });
  const headers = flattenHeaders(response.headers);
  if (response.statusCode >= 200 && response.statusCode < 300) {
    return { status: response.statusCode, headers, body: response.body };
  }
  const body = await readErrorBody(response.body);
  throw request.toError({
    status: response.statusCode,
    body,
    headers,
    retryAfterSeconds: parseRetryAfter(headers),
  });
}

/** The origin of a URL, for error messages (a query string could hold a key). */
export function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return 'the provider';
  }
}
