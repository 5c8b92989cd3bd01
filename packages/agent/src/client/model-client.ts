import type { ChatCompletionRequest, FinishReason, OpenAIUsage, ResponseMessage } from '@tollgate/core';

/**
 * One model call as the agent asks for it: OpenAI's chat params (`model`, `messages`, `tools`, the agent's
 * `modelSettings`). `stream` and `stream_options` are the client's business and are never set here.
 */
export type ModelRequest = ChatCompletionRequest;

/** Per-call options a client receives. */
export interface ModelCallOptions {
  /** Aborts the call (the agent's run was stopped). */
  signal?: AbortSignal;
}

/** What one model call produced, whatever the client. */
export interface ModelReply {
  /** The assistant message: text, tool calls with ids, `reasoning_content`, `thinking_blocks`. */
  message: ResponseMessage;
  /** Why the model stopped, in OpenAI's vocabulary; null when the provider did not say. */
  finishReason: FinishReason | null;
  /** Token usage in OpenAI's format; null when the provider reported none. */
  usage: OpenAIUsage | null;
  /**
   * Cost of the call in integer nano-USD, when the client knows it (providers' pricing, a proxy's
   * `x-litellm-response-cost`); null lets the agent price the usage with the catalogue.
   */
  costNanoUsd: number | null;
  /** The model that answered, as the provider names it. */
  model?: string | undefined;
  /** Notes from the client (dropped params, unpriced model…); empty when none. */
  warnings?: readonly string[];
}

/** A piece of a streamed model call. The last part is always the `reply`. */
export type ModelStreamPart =
  | { type: 'text-delta'; text: string }
  | { type: 'reasoning-delta'; text: string }
  | { type: 'reply'; reply: ModelReply };

/**
 * How the agent talks to a model. Adapters exist for `@tollgate/providers` (`providersClient`), a `Router`
 * (`routerClient`) and any OpenAI-compatible endpoint such as a Tollgate proxy (`openAICompatibleClient`); tests
 * use `scriptedModel` from `@tollgate/agent/testing`.
 */
export interface ModelClient {
  /** One non-streamed call. */
  complete(request: ModelRequest, options?: ModelCallOptions): Promise<ModelReply>;
  /** One streamed call: text and reasoning deltas as they arrive, then the whole reply. */
  stream(request: ModelRequest, options?: ModelCallOptions): AsyncIterable<ModelStreamPart>;
  /**
   * Catalogue names that price a call to `model`, one per deployment that may serve it (the agent's cost cap
   * assumes the dearest). Absent or empty: the model name itself.
   */
  pricingModels?(model: string): readonly string[];
}
