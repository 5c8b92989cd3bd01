import { followAbort, ProviderError } from '@tollgate/core';
import { dispatchRequest, originOf } from './dispatch-request.js';
import { toTransportError } from './to-transport-error.js';
import type { JsonResponse, TransportRequest } from './transport-options.js';

/**
 * Sends a request and returns the parsed JSON of a 2xx answer. `timeoutMs` bounds the whole exchange. Throws typed
 * errors only: the adapter's for a non-2xx answer, `TimeoutError`, `ProviderError` (network failure, status 0; or
 * a 2xx body that is not JSON, status 502), or the caller's abort reason.
 */
export async function sendJson(request: TransportRequest): Promise<JsonResponse> {
  // A cleared timer rather than AbortSignal.timeout: that one stays pending for the full timeout after the call.
  const deadline = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    deadline.abort();
  }, request.timeoutMs);
  const unlink = followAbort(request.signal, deadline);
  const signal = deadline.signal;
  let text: string;
  let response;
  try {
    response = await dispatchRequest(request, signal);
    text = await response.body.text();
  } catch (error) {
    throw toTransportError(error, {
      providerId: request.providerId,
      model: request.model,
      origin: originOf(request.spec.url),
      callerSignal: request.signal,
      timedOut: () => timedOut,
      timeoutMs: request.timeoutMs,
    });
  } finally {
    clearTimeout(timer);
    unlink();
  }
  try {
    return { status: response.status, headers: response.headers, body: JSON.parse(text) };
  } catch (error) {
    throw new ProviderError(`${request.providerId} answered ${response.status} with a body that is not JSON.`, {
      upstreamStatus: 502,
      body: text.slice(0, 1000),
      provider: request.providerId,
      model: request.model,
      cause: error,
    });
  }
}
