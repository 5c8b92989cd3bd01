/** A non-2xx answer from a provider, as the transport hands it to `adapter.toError`. */
export interface UpstreamErrorResponse {
  /** HTTP status the provider answered with. */
  readonly status: number;
  /** The body parsed as JSON when it was JSON, else the raw text ('' when empty). */
  readonly body: unknown;
  /** Response headers, names in lower case. */
  readonly headers: Readonly<Record<string, string>>;
  /** `retry-after` (seconds or HTTP date) or `retry-after-ms`, in seconds; undefined when absent or invalid. */
  readonly retryAfterSeconds: number | undefined;
}
