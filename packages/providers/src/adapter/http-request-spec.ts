/**
 * An HTTP request an adapter wants sent. The transport sends it as is; the completion layer only adds the caller's
 * extra `headers` on top (the caller wins).
 */
export interface HttpRequestSpec {
  /** Absolute URL, query string included (e.g. Azure's `?api-version=`, Gemini's `?alt=sse`). */
  readonly url: string;
  /** HTTP method; chat and embeddings are always `POST`, model lists `GET`. */
  readonly method: 'POST' | 'GET';
  /** Request headers, auth included (see `authHeaders`). Header names in lower case. */
  readonly headers: Readonly<Record<string, string>>;
  /** JSON body; serialized by the transport. Undefined for `GET`. */
  readonly body?: unknown;
}
