/** How a routed request went, whether it succeeded or not. */
export interface RouterAttempts {
  /** The model name the caller sent (a group or an alias). */
  requestedModel: string;
  /** The group that answered, or for an error the group whose failure is reported. */
  modelGroup: string;
  /** Attempts that were retries (not the first attempt of a group), across all groups tried. */
  attemptedRetries: number;
  /** Fallback groups tried. */
  attemptedFallbacks: number;
  /** The most fallback groups this request could have tried (`max_fallbacks`). */
  maxFallbacks: number;
}

/** Which deployment answered a request, and how it got there (the proxy's `x-litellm-*` headers). */
export interface RouterMetadata extends RouterAttempts {
  /** The deployment's id: `x-litellm-model-id`. */
  modelId: string;
  /** The deployment's `provider/model`. */
  model: string;
  /** The deployment's `api_base`, when configured: `x-litellm-model-api-base`. */
  apiBase: string | undefined;
}

// Kept beside the response rather than on it, so responses serialise exactly as the providers produced them.
const metadataByResult = new WeakMap<object, RouterMetadata>();
const attemptsByError = new WeakMap<object, RouterAttempts>();

/** Records the metadata of a router result (a completion, a stream or embeddings). */
export function attachRouterMetadata(result: object, metadata: RouterMetadata): void {
  metadataByResult.set(result, metadata);
}

/** Records how a failed request went on the error the router throws. */
export function attachRouterAttempts(error: unknown, attempts: RouterAttempts): void {
  if (typeof error === 'object' && error !== null) attemptsByError.set(error, attempts);
}

/**
 * Which deployment produced a result of `router.completion()` / `router.embedding()` (for a stream: the stream
 * object they resolved with, available before its first chunk is read). Undefined for other values.
 */
export function routerMetadataOf(result: unknown): RouterMetadata | undefined {
  return typeof result === 'object' && result !== null ? metadataByResult.get(result) : undefined;
}

/** Retries and fallbacks attempted before the router threw `error`; undefined when it did not come from a router. */
export function routerAttemptsOf(error: unknown): RouterAttempts | undefined {
  return typeof error === 'object' && error !== null ? attemptsByError.get(error) : undefined;
}
