// Calls: one OpenAI-format API for every provider.
export { completion, type CompletionRequest } from './completion/completion.js';
export { embedding, type EmbeddingParams, type EmbeddingResult } from './completion/embedding.js';
export type { ChatCompletionResult } from './completion/chat-completion-result.js';
export type { ChatCompletionStream } from './completion/chat-completion-stream.js';
export type { CallOptions } from './completion/call-options.js';
export type { CallMetadata } from './completion/call-metadata.js';
export { messages, type MessagesResult, type MessagesEventStream } from './messages/messages.js';

// Anthropic Messages ↔ OpenAI chat, both directions, streaming included: pure functions (what `messages()` uses).
export { messagesToChatRequest, type MessagesToChatOptions } from './translate/messages/messages-to-chat-request.js';
export { chatToMessagesRequest } from './translate/messages/chat-to-messages-request.js';
export { chatCompletionToMessagesResponse } from './translate/messages/chat-completion-to-messages-response.js';
export { messagesResponseToChatCompletion } from './translate/messages/messages-response-to-chat-completion.js';
export { ChatChunksToMessagesEvents, type MessagesEventsOptions } from './translate/messages/chat-chunks-to-messages-events.js';
export { MessagesEventsToChatChunks } from './translate/messages/messages-events-to-chat-chunks.js';
export { toMessagesUsage } from './translate/messages/messages-usage.js';
export { toMessagesStopReason } from './translate/messages/messages-stop-reason.js';
export { accumulateMessagesEvents } from './translate/messages/accumulate-messages-events.js';

export { responses, type ResponsesRequest, type ResponsesOptions, type ResponsesStream } from './responses/responses.js';
export { NATIVE_RESPONSES_PROVIDERS } from './responses/send-native-response.js';

// Chat ↔ Responses translation, as pure functions (the proxy's /v1/responses uses them too).
export { responsesRequestToChat, inputItemsOf, type ResponsesToChatOptions } from './translate/responses/responses-request-to-chat.js';
export { inputItemsToMessages } from './translate/responses/input-items-to-messages.js';
export { chatRequestToResponses, messagesToInputItems } from './translate/responses/chat-request-to-responses.js';
export { chatCompletionToResponse, outputItemsOf } from './translate/responses/chat-completion-to-response.js';
export { responseToChatCompletion } from './translate/responses/response-to-chat-completion.js';
export { chatChunksFromResponseEvents, type ChatChunksFromResponseEvents } from './translate/responses/response-events-to-chat-chunks.js';
export { createResponsesStreamTranslator, type ResponsesStreamTranslator } from './translate/responses/chat-stream-to-response-events.js';
export { responseShell, type ResponseIdentity } from './translate/responses/response-shell.js';
export { responsesUsageOf, chatUsageOf } from './translate/responses/responses-usage-of.js';
export { randomResponseId, type NewResponseId } from './translate/responses/response-ids.js';

// From @tollgate/core, so that a caller who installs only this package can name what calls take, return and throw.
export type {
  ChatMessage,
  ChatCompletionRequest,
  ChatCompletion,
  ChatCompletionChunk,
  EmbeddingRequest,
  EmbeddingResponse,
  TokenUsage,
  OpenAIErrorBody,
} from '@tollgate/core';
export {
  TollgateError,
  BadRequestError,
  UnsupportedParamsError,
  ContextWindowExceededError,
  ContentPolicyViolationError,
  AuthenticationError,
  PermissionDeniedError,
  NotFoundError,
  TimeoutError,
  RateLimitError,
  ServiceUnavailableError,
  InternalServerError,
  ProviderError,
} from '@tollgate/core';

// Providers: what is available and what each accepts.
export { listProviders, type ProviderInfo } from './registry/list-providers.js';
export { getSupportedOpenAIParams } from './registry/get-supported-openai-params.js';
export { getProviderAdapter } from './registry/get-provider-adapter.js';

// The adapter contract, for reading adapters and writing new ones.
export type { ProviderAdapter } from './adapter/provider-adapter.js';
export type { AdapterCallContext } from './adapter/adapter-call-context.js';
export type { HttpRequestSpec } from './adapter/http-request-spec.js';
export type { AuthScheme } from './adapter/auth-scheme.js';
export type { ChatStreamParser } from './adapter/chat-stream-parser.js';
export type { StreamEvent } from './adapter/stream-event.js';
export type { UpstreamErrorResponse } from './adapter/upstream-error-response.js';
export type { OpenAICompatibleProvider } from './adapters/openai-compatible/openai-compatible-provider.js';

// Transport: the shared keep-alive agent can be swapped (e.g. for an HTTP proxy agent).
export { setSharedDispatcher } from './transport/shared-dispatcher.js';

// Native adapters (anthropic, gemini, cohere, ollama) are reached through the registry; no separate exports.
