import type {
  ChatCompletion,
  ChatCompletionRequest,
  EmbeddingRequest,
  EmbeddingResponse,
  TollgateError,
} from '@tollgate/core';
import type { AdapterCallContext } from './adapter-call-context.js';
import type { AuthScheme } from './auth-scheme.js';
import type { ChatStreamParser } from './chat-stream-parser.js';
import type { HttpRequestSpec } from './http-request-spec.js';
import type { UpstreamErrorResponse } from './upstream-error-response.js';

/**
 * A provider, as data plus pure functions. An adapter does no I/O, reads no env vars and keeps no state between
 * calls: the completion layer resolves credentials and options into an `AdapterCallContext`, the shared transport
 * sends the `HttpRequestSpec` the adapter builds, and the adapter turns what comes back into OpenAI format.
 * That keeps every adapter testable against recorded payloads.
 *
 * Inputs are already validated: `request` has passed core's `parseChatCompletionRequest`, and every standard
 * OpenAI param not in `supportedParams(model)` has been rejected or dropped. Non-standard top-level keys are
 * provider-specific params: adapters forward them in the body unless they translate them (e.g. `thinking`).
 */
export interface ProviderAdapter {
  /** The provider prefix of model names (`zai` in `zai/glm-4.7`). Lower case, `[a-z0-9_]`. */
  readonly id: string;
  /** Other prefixes that mean this provider (LiteLLM names, e.g. `together` for `together_ai`). */
  readonly aliases?: readonly string[];
  /** Human-readable name for docs and `listProviders()` (e.g. `Z.ai`). */
  readonly displayName: string;
  /** Env vars holding the API key, first set one wins (LiteLLM's name first, then aliases). */
  readonly envKeys: readonly string[];
  /** Whether a call without any key must fail early with an `AuthenticationError`. False for local servers. */
  readonly apiKeyRequired: boolean;
  /** Env vars overriding the base URL (e.g. `ZAI_API_BASE`), first set one wins. */
  readonly apiBaseEnv?: readonly string[];
  /**
   * Base URL used when neither the `apiBase` option nor `apiBaseEnv` is set, without a trailing slash. Undefined
   * when the user must supply one (Azure resource URL, self-hosted vLLM); the call then fails naming the env var.
   */
  readonly defaultApiBase: string | undefined;
  /** Env vars holding the API version (e.g. `AZURE_API_VERSION`), first set one wins. */
  readonly apiVersionEnv?: readonly string[];
  /** API version used when neither the `apiVersion` option nor `apiVersionEnv` is set. */
  readonly defaultApiVersion?: string;
  /** How the key is sent. `toChatRequest` applies it (usually via `authHeaders`). */
  readonly authScheme: AuthScheme;
  /** Wire format of the provider's chat stream, which decides how the driver decodes bytes into `StreamEvent`s. */
  readonly streamFormat: 'sse' | 'ndjson';

  /** The standard OpenAI chat params this provider accepts for `model` (the provider's model id). */
  supportedParams(model: string): readonly string[];
  /** Builds the provider's chat request (URL, headers with auth, JSON body). Honours `context.stream`. */
  toChatRequest(request: ChatCompletionRequest, context: AdapterCallContext): HttpRequestSpec;
  /** Turns a 2xx non-stream response body (parsed JSON) into an OpenAI chat completion. */
  fromChatResponse(body: unknown, context: AdapterCallContext): ChatCompletion;
  /** A fresh parser for one streamed response. */
  createChatStreamParser(context: AdapterCallContext): ChatStreamParser;
  /** Builds the provider's embedding request; absent when the provider has no embeddings. */
  toEmbeddingRequest?(request: EmbeddingRequest, context: AdapterCallContext): HttpRequestSpec;
  /** Turns a 2xx embedding response body into OpenAI's shape; present iff `toEmbeddingRequest` is. */
  fromEmbeddingResponse?(body: unknown, context: AdapterCallContext): EmbeddingResponse;
  /**
   * Offline providers only (the mock provider): answers without any I/O. When present, `completion()` calls it
   * instead of `toChatRequest` and the transport, and derives a stream from the result when one was asked for.
   */
  answerLocally?(request: ChatCompletionRequest, context: AdapterCallContext): ChatCompletion;
  /**
   * The catalogue name to price a call with, when it is not `<id>/<model>` (the mock provider prices
   * `mock/gpt-4o` as `gpt-4o`). Optional; the model name the provider reports is tried next either way.
   */
  pricingModel?(model: string): string;
  /** Offline providers only: the embedding counterpart of `answerLocally`. */
  embedLocally?(request: EmbeddingRequest, context: AdapterCallContext): EmbeddingResponse;
  /**
   * Maps a non-2xx answer to the right `@tollgate/core` error class (invalid key → `AuthenticationError`, context
   * too long → `ContextWindowExceededError`, 429 → `RateLimitError`…), with `provider`, `model` and
   * `retryAfterSeconds` set. Falls back to `ProviderError` carrying the upstream status and body.
   */
  toError(response: UpstreamErrorResponse, context: AdapterCallContext): TollgateError;
}
