import { parseChatCompletionRequest, type ChatCompletionRequest } from '@tollgate/core';
import { answerLocally } from './answer-locally.js';
import { buildCallContext } from './build-call-context.js';
import { splitCallOptions, type CallOptions } from './call-options.js';
import type { ChatCallState } from './call-state.js';
import type { ChatCompletionResult } from './chat-completion-result.js';
import type { ChatCompletionStream } from './chat-completion-stream.js';
import { checkSupportedParams } from './check-supported-params.js';
import { mockResponseOf } from './mock-response-of.js';
import { resolveProvider } from '../registry/resolve-provider.js';
import { sendChatCompletion } from './send-chat-completion.js';
import { streamChatCompletion } from './stream-chat-completion.js';

/**
 * The params of `completion()`: OpenAI's chat params (`model` as `provider/model`, `messages`, `tools`, …), any
 * provider-specific params (passed through to the provider), and Tollgate's camelCase `CallOptions`.
 */
export type CompletionParams = ChatCompletionRequest & CallOptions;

/**
 * Calls any provider in OpenAI's format. `model` is `provider/model` (`zai/glm-4.7`, `anthropic/claude-sonnet-4-5`)
 * or a bare name the catalogue knows (`gpt-4o`). The key comes from `apiKey` or the provider's env var.
 *
 * Returns the `ChatCompletion` (with the non-enumerable `tollgate` metadata: provider, `costUsd`, warnings), or
 * with `stream: true` a `ChatCompletionStream` of OpenAI chunks, resolved once the first chunk is ready. Throws
 * `@tollgate/core` errors only: `BadRequestError` for invalid params, `UnsupportedParamsError`,
 * `AuthenticationError` (missing or rejected key), `RateLimitError`, `TimeoutError`, `ProviderError`, …
 */
export function completion(params: CompletionParams & { stream: true }): Promise<ChatCompletionStream>;
export function completion(params: CompletionParams & { stream?: false | null }): Promise<ChatCompletionResult>;
export function completion(params: CompletionParams): Promise<ChatCompletionResult | ChatCompletionStream>;
export async function completion(params: CompletionParams): Promise<ChatCompletionResult | ChatCompletionStream> {
  const { options, body } = splitCallOptions(params);
  const mockResponse = mockResponseOf(options, body);
  if (mockResponse instanceof Error) throw mockResponse;
  const parsed = options.requestValidated === true ? (body as ChatCompletionRequest) : parseChatCompletionRequest(body);
  const { adapter, model } = resolveProvider(parsed.model);
  const { request, warnings } = checkSupportedParams({ request: parsed, adapter, model, dropParams: options.dropParams ?? false });
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
