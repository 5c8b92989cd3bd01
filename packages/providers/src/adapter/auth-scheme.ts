/**
 * How a provider expects its API key. Data, so that docs, tests and the transport can reason about it without
 * calling the adapter.
 */
export type AuthScheme =
  /** `authorization: Bearer <key>` (OpenAI and most OpenAI-dialect providers). */
  | { readonly kind: 'bearer' }
  /** The key in a named header, e.g. Anthropic `x-api-key`, Azure `api-key`, Gemini `x-goog-api-key`. */
  | { readonly kind: 'header'; readonly name: string }
  /** The key in a query parameter, e.g. Gemini `?key=`. Adapters add it to the URL themselves. */
  | { readonly kind: 'query'; readonly name: string }
  /** No key at all (local servers such as Ollama, the mock provider). */
  | { readonly kind: 'none' };

/**
 * The auth headers for a scheme and key: what adapters spread into `HttpRequestSpec.headers`. Returns no header
 * when the key is missing (keyless local servers) or the scheme is not header-based.
 */
export function authHeaders(scheme: AuthScheme, apiKey: string | undefined): Record<string, string> {
  if (apiKey === undefined || apiKey === '') return {};
  switch (scheme.kind) {
    case 'bearer':
      return { authorization: `Bearer ${apiKey}` };
    case 'header':
      return { [scheme.name.toLowerCase()]: apiKey };
    case 'query':
    case 'none':
      return {};
  }
}
