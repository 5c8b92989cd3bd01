import type { FinishReason, TollgateError } from '@tollgate/core';
import type { AdapterCallContext } from '../../adapter/adapter-call-context.js';
import type { AuthScheme } from '../../adapter/auth-scheme.js';
import type { UpstreamErrorResponse } from '../../adapter/upstream-error-response.js';
import type { OpenAIWireMessage, OpenAIWireUsage } from './openai-api.js';

export type MaxTokensField = 'max_tokens' | 'max_completion_tokens';

/**
 * Hooks for the real differences between an OpenAI-dialect provider and OpenAI. Every hook is optional; a provider
 * without quirks is a table row with none. Keep each hook small and comment the quirk with the provider's doc.
 */
export interface OpenAIDialectQuirks {
  /** Provider finish reasons beyond OpenAI's (Z.ai `sensitive` → `content_filter`, Mistral `model_length` → `length`). */
  readonly finishReasons?: Readonly<Record<string, FinishReason>>;
  /** Adjusts the outgoing body after the generic mapping (rename params, translate `reasoning_effort`…). Mutates. */
  readonly prepareBody?: (body: Record<string, unknown>, context: AdapterCallContext) => void;
  /** Cached prompt tokens when the provider reports them outside `prompt_tokens_details` (DeepSeek). */
  readonly cachedTokensOf?: (usage: OpenAIWireUsage) => number | undefined;
  /**
   * Rewrites a response message or stream delta before the generic mapping (Mistral's content block arrays).
   * Must be cheap: it runs on every stream chunk.
   */
  readonly normalizeMessage?: (message: OpenAIWireMessage) => OpenAIWireMessage;
  /** Recognises provider-specific error codes (Z.ai's numeric codes); undefined falls back to the OpenAI mapping. */
  readonly toError?: (response: UpstreamErrorResponse, context: AdapterCallContext) => TollgateError | undefined;
  /**
   * Whether to send `stream_options: {include_usage: true}` on streams (default true). False for providers that
   * reject the field; they must report usage on their own.
   */
  readonly streamOptions?: boolean;
  /**
   * Whether assistant messages keep `reasoning_content` when sent upstream (default false: stripped, since OpenAI
   * rejects unknown message fields). Z.ai and DeepSeek expect it back in tool loops.
   */
  readonly keepReasoningContent?: boolean;
  /**
   * Whether assistant messages keep `thinking_blocks` when sent upstream (default false). True for gateways
   * (another Tollgate or LiteLLM), which need them to round-trip Anthropic thinking.
   */
  readonly keepThinkingBlocks?: boolean;
  /**
   * The field the provider reads the output limit from; the other name is renamed to it (default `max_tokens`,
   * since most OpenAI-dialect servers predate `max_completion_tokens`). A function decides per model; returning
   * undefined sends whichever name the caller used.
   */
  readonly maxTokensField?: MaxTokensField | ((model: string) => MaxTokensField | undefined);
}

/** Everything that makes one OpenAI-dialect adapter: identity, credentials, endpoints, params and quirks. */
export interface OpenAIDialectDefinition {
  readonly id: string;
  readonly displayName: string;
  readonly aliases?: readonly string[];
  readonly envKeys: readonly string[];
  readonly apiKeyRequired: boolean;
  readonly apiBaseEnv?: readonly string[];
  readonly defaultApiBase: string | undefined;
  readonly apiVersionEnv?: readonly string[];
  readonly defaultApiVersion?: string;
  readonly authScheme: AuthScheme;
  /** The standard OpenAI params the provider accepts for a model. */
  readonly supportedParams: (model: string) => readonly string[];
  /** URL of the chat endpoint (default `{apiBase}/chat/completions`). */
  readonly chatUrl?: (context: AdapterCallContext) => string;
  /** URL of the embeddings endpoint; absent when the provider has no embeddings. */
  readonly embeddingUrl?: (context: AdapterCallContext) => string;
  /** Whether the body names the model (default true; Azure names the deployment in the URL instead). */
  readonly modelInBody?: boolean;
  readonly quirks?: OpenAIDialectQuirks;
}
