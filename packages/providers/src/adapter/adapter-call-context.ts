/**
 * Everything an adapter needs to know about one call besides the request itself. The completion layer builds it
 * once per attempt (after resolving the model, credentials and options), so adapters stay pure functions of
 * `(request, context)`.
 */
export interface AdapterCallContext {
  /** Id of the provider serving the call, as registered (e.g. `zai`, `anthropic`); aliases are already resolved. */
  readonly providerId: string;
  /**
   * The model id as the provider names it: the text after `provider/` (e.g. `glm-4.7` for `zai/glm-4.7`,
   * `meta-llama/Llama-3-70b` for `together_ai/meta-llama/Llama-3-70b`). For Azure this is the deployment name.
   */
  readonly model: string;
  /** The API key: the call's `apiKey` option, else the first set env var of `adapter.envKeys`; undefined if none. */
  readonly apiKey: string | undefined;
  /**
   * Base URL to call, without a trailing slash: the call's `apiBase` option, else the adapter's `apiBaseEnv`,
   * else `adapter.defaultApiBase`.
   */
  readonly apiBase: string;
  /** API version (Azure `api-version`, Anthropic `anthropic-version`…): the option, else `apiVersionEnv`, else default. */
  readonly apiVersion: string | undefined;
  /** Whether the caller asked for a stream; adapters pick the streaming endpoint/body flag from it. */
  readonly stream: boolean;
  /**
   * Whether the caller set `stream_options.include_usage`. Adapters should request usage from the provider on every
   * stream regardless (cost needs it); this flag only tells the stream driver whether to emit the usage chunk.
   */
  readonly includeUsage: boolean;
  /** Tollgate's id for this call; used as the completion id when the provider sends none (`chatcmpl-<requestId>`). */
  readonly requestId: string;
  /** Unix time in seconds the call started; used as `created` when the provider sends none. */
  readonly created: number;
}
