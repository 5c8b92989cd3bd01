import type { Dispatcher } from 'undici';
import type { TollgateError } from '@tollgate/core';
import type { HttpRequestSpec } from '../adapter/http-request-spec.js';
import type { UpstreamErrorResponse } from '../adapter/upstream-error-response.js';

/** One request for the transport. */
export interface TransportRequest {
  /** What to send, as the adapter built it. */
  readonly spec: HttpRequestSpec;
  /**
   * Time limit in milliseconds. Non-stream: the whole exchange, body included. Stream: the wait for the response
   * headers, then the longest silence allowed between two pieces of the body (a stream may run longer in total).
   */
  readonly timeoutMs: number;
  /** The caller's signal; aborting it cancels the request or the stream at once. */
  readonly signal?: AbortSignal | undefined;
  /** Maps a non-2xx answer to a typed error (the adapter's `toError`, bound to the call context). */
  readonly toError: (response: UpstreamErrorResponse) => TollgateError;
  /** Names the provider in network errors. */
  readonly providerId: string;
  /** Names the model in network errors. */
  readonly model: string;
  /** Dispatcher to use instead of the shared keep-alive agent (tests, proxies). */
  readonly dispatcher?: Dispatcher | undefined;
}

/** A 2xx JSON answer. */
export interface JsonResponse {
  readonly status: number;
  /** Response headers, names in lower case. */
  readonly headers: Readonly<Record<string, string>>;
  /** The parsed body. */
  readonly body: unknown;
}

/** A 2xx streamed answer whose body has not been read yet. */
export interface StreamResponse {
  readonly status: number;
  /** Response headers, names in lower case. */
  readonly headers: Readonly<Record<string, string>>;
  /**
   * The body bytes as they arrive, never buffered. Network failures and idle timeouts while reading surface as
   * typed errors. Breaking out of the loop (or `return()`) releases the connection.
   */
  readonly body: AsyncIterable<Uint8Array>;
}
