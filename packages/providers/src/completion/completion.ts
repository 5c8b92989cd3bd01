import { parseChatCompletionRequest, type ChatCompletionRequest } from '@tollgate/core';
import { answerLocally } from './answer-locally.js';
import { buildCallContext } from './build-call-context.js';
import type { CallOptions } from './call-options.js';
import type { ChatCallState } from './call-state.js';
import type { ChatCompletionResult } from './chat-completion-result.js';
import type { ChatCompletionStream } from './chat-completion-stream.js';
import { checkSupportedParams } from './check-supported-params.js';
import { withoutOptionFields } from './option-fields-in-request.js';
import { resolveProvider } from '../registry/resolve-provider.js';
import { sendChatCompletion } from './send-chat-completion.js';
import { streamChatCompletion } from './stream-chat-completion.js';

/**
 * The request of `completion()`: OpenAI's chat body (`model` as `provider/model`, `messages`, `tools`, …) plus any
 * provider-specific params (passed through to the provider). Call settings are the separate `CallOptions`
 * argument; a call-option name found here (`apiBase`, `api_key`, `extra_headers`, `mock_response`, …) is removed
 * with a warning in `tollgate.warnings`, never honoured and never sent.
 */
export type CompletionRequest = ChatCompletionRequest;

/**
 * Calls any provider in OpenAI's format. `model` is `provider/model` (`zai/glm-4.7`, `anthropic/claude-sonnet-4-5`)
 * or a bare name the catalogue knows (`gpt-4o`). The key comes from `options.apiKey` or the provider's env var.
 *
 * Returns the `ChatCompletion` (with the non-enumerable `tollgate` metadata: provider, `costUsd`, warnings), or
 * with `stream: true` a `ChatCompletionStream` of OpenAI chunks, resolved once the first chunk is ready. Throws
 * `@tollgate/core` errors only: `BadRequestError` for invalid params, `UnsupportedParamsError`,
 * `AuthenticationError` (missing or rejected key), `RateLimitError`, `TimeoutError`, `ProviderError`, …
 */
export function completion(request: CompletionRequest & { stream: true }, options?: CallOptions): Promise<ChatCompletionStream>;
export function completion(request: CompletionRequest & { stream?: false | null }, options?: CallOptions): Promise<ChatCompletionResult>;
export function completion(request: CompletionRequest, options?: CallOptions): Promise<ChatCompletionResult | ChatCompletionStream>;
export async function completion(
  input: CompletionRequest,
  options: CallOptions = {},
): Promise<ChatCompletionResult | ChatCompletionStream> {
  const { mockResponse } = options;
  if (mockResponse instanceof Error) throw mockResponse;
  const validated = options.requestValidated === true ? input : parseChatCompletionRequest(input);
  const { adapter, model } = resolveProvider(validated.model);
  const { request: parsed, warnings: removed } = withoutOptionFields(validated, adapter.answerLocally !== undefined);
  const checked = checkSupportedParams({ request: parsed, adapter, model, dropParams: options.dropParams ?? false });
  const { request } = checked;
  const warnings = removed.length === 0 ? checked.warnings : [...removed, ...checked.warnings];
  const local = mockResponse !== undefined || adapter.answerLocally !== undefined;
  const context = buildCallContext({
    adapter,
    model,
    options,
    stream: request.stream === true,
    includeUsage: request.stream_options?.include_usage === true,
    requireCredentials: !local,
  });
  const state: ChatCallState = { adapter, context, options, warnings, request };
  if (local) return answerLocally(state, mockResponse);
  return context.stream ? streamChatCompletion(state) : sendChatCompletion(state);
}
