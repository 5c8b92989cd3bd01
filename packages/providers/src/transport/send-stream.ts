import { followAbort } from '@tollgate/core';
import { dispatchRequest, originOf } from './dispatch-request.js';
import { toTransportError, type TransportErrorContext } from './to-transport-error.js';
import type { StreamResponse, TransportRequest } from './transport-options.js';

/**
 * Sends a request and resolves once a 2xx status and headers arrive, with the body as an async iterable of bytes
 * that is never buffered. `timeoutMs` bounds the wait for headers and each silence of the provider between body
 * pieces (time the consumer spends between two reads does not count). Errors, before or during the body, are
 * typed as in `sendJson`. Leaving the loop early aborts the request and frees the connection.
 */
export async function sendStream(request: TransportRequest): Promise<StreamResponse> {
  // One controller for our own reasons to stop: a timeout, or the consumer leaving the loop early.
  const controller = new AbortController();
  const unlink = followAbort(request.signal, controller);
  const signal = controller.signal;
  let timedOut = false;
  const timeOut = (): void => {
    timedOut = true;
    controller.abort();
  };
  const errorContext: TransportErrorContext = {
    providerId: request.providerId,
    model: request.model,
    origin: originOf(request.spec.url),
    callerSignal: request.signal,
    timedOut: () => timedOut,
    timeoutMs: request.timeoutMs,
  };
  // undici's own header/body timers tick at about one second; ours are exact.
  const headersTimer = setTimeout(timeOut, request.timeoutMs);
  let response;
  try {
    response = await dispatchRequest(request, signal);
  } catch (error) {
    unlink();
    throw toTransportError(error, errorContext);
  } finally {
    clearTimeout(headersTimer);
  }
  const upstream = response.body;
  async function* body(): AsyncGenerator<Uint8Array> {
    let waiting = false;
    // Fires only while we wait on the provider; while the consumer holds a piece it just re-arms.
    const idleTimer = setTimeout(function onIdle() {
      if (waiting) timeOut();
      else idleTimer.refresh();
    }, request.timeoutMs);
    let completed = false;
    try {
      const pieces = upstream[Symbol.asyncIterator]();
      for (;;) {
        waiting = true;
        idleTimer.refresh();
        const next = await pieces.next();
        waiting = false;
        if (next.done) break;
        yield next.value as Uint8Array;
      }
      completed = true;
    } catch (error) {
      throw toTransportError(error, errorContext);
    } finally {
      clearTimeout(idleTimer);
      unlink();
      if (!completed) {
        controller.abort();
        upstream.destroy();
      }
    }
  }
  return { status: response.status, headers: response.headers, body: body() };
}
