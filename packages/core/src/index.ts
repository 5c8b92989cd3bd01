// Errors: one class per file in ./errors, each mapped to an HTTP status and OpenAI error body.
export {
  TollgateError,
  type OpenAIErrorBody,
  type TollgateErrorOptions,
  BadRequestError,
  UnsupportedParamsError,
  ContextWindowExceededError,
  ContentPolicyViolationError,
  AuthenticationError,
  PermissionDeniedError,
  NotFoundError,
  TimeoutError,
  RateLimitError,
  BudgetExceededError,
  type BudgetExceededErrorOptions,
  ServiceUnavailableError,
  InternalServerError,
  ProviderError,
  type ProviderErrorOptions,
  toTollgateError,
  errorForStatus,
  type ErrorForStatusOptions,
} from './errors/index.js';

// Usage: the wire shape and the bucketed shape that pricing and accounting use.
export { openAIUsageSchema, type OpenAIUsage } from './usage/openai-usage.js';
export { type TokenUsage, toTokenUsage, inputTokensOf, outputTokensOf } from './usage/token-usage.js';

// Chat completions: request (strict on standard params, provider-specific params passed through), response, chunk.
export {
  cacheControlSchema,
  textContentPartSchema,
  imageContentPartSchema,
  inputAudioContentPartSchema,
  fileContentPartSchema,
  refusalContentPartSchema,
  userContentPartSchema,
  assistantContentPartSchema,
  type CacheControl,
  type TextContentPart,
  type ImageContentPart,
  type InputAudioContentPart,
  type FileContentPart,
  type RefusalContentPart,
  type UserContentPart,
  type AssistantContentPart,
} from './chat/chat-content-part.js';
export {
  systemMessageSchema,
  developerMessageSchema,
  userMessageSchema,
  assistantMessageSchema,
  toolMessageSchema,
  functionMessageSchema,
  chatMessageSchema,
  type SystemMessage,
  type DeveloperMessage,
  type UserMessage,
  type AssistantMessage,
  type ToolMessage,
  type FunctionMessage,
  type ChatMessage,
  type ChatMessageRole,
} from './chat/chat-message.js';
export {
  functionDefinitionSchema,
  chatToolSchema,
  chatToolChoiceSchema,
  chatToolCallSchema,
  legacyFunctionCallChoiceSchema,
  type FunctionDefinition,
  type ChatTool,
  type ChatToolChoice,
  type ChatToolCall,
  type LegacyFunctionCallChoice,
} from './chat/chat-tool.js';
export { thinkingBlockSchema, type ThinkingBlock } from './chat/chat-thinking-block.js';
export { chatResponseFormatSchema, type ChatResponseFormat } from './chat/chat-response-format.js';
export { chatCompletionRequestSchema, type ChatCompletionRequest } from './chat/chat-completion-request.js';
export { standardChatCompletionParams, providerSpecificParamsOf } from './chat/provider-specific-params.js';
export { finishReasonSchema, type FinishReason } from './chat/finish-reason.js';
export {
  tokenLogprobSchema,
  tokenLogprobWithAlternativesSchema,
  chatLogprobsSchema,
  type TokenLogprob,
  type ChatLogprobs,
} from './chat/chat-logprobs.js';
export {
  responseToolCallSchema,
  responseMessageSchema,
  chatCompletionChoiceSchema,
  chatCompletionSchema,
  type ResponseToolCall,
  type ResponseMessage,
  type ChatCompletionChoice,
  type ChatCompletion,
} from './chat/chat-completion.js';
export {
  toolCallDeltaSchema,
  chatCompletionDeltaSchema,
  chatCompletionChunkChoiceSchema,
  chatCompletionChunkSchema,
  type ToolCallDelta,
  type ChatCompletionDelta,
  type ChatCompletionChunkChoice,
  type ChatCompletionChunk,
} from './chat/chat-completion-chunk.js';

// Embeddings and the model list.
export { embeddingRequestSchema, type EmbeddingRequest } from './embeddings/embedding-request.js';
export {
  embeddingSchema,
  embeddingResponseSchema,
  type Embedding,
  type EmbeddingResponse,
} from './embeddings/embedding-response.js';
export { modelSchema, modelListSchema, type Model, type ModelList } from './models/model-list.js';

// Request validation: typed request or a BadRequestError naming the faulty param.
export { parseChatCompletionRequest, parseEmbeddingRequest, parseRequestBody } from './validation/parse-request.js';
export { describeZodIssue, type RequestIssue } from './validation/describe-zod-issue.js';
export { formatParamPath } from './validation/format-param-path.js';

// Streaming: SSE encode/decode and NDJSON decode, correct whatever the chunk boundaries.
export { type SseEvent } from './sse/sse-event.js';
export { encodeSseEvent, encodeSseDone, type EncodeSseEventOptions } from './sse/encode-sse-event.js';
export { SseDecoder } from './sse/sse-decoder.js';
export { decodeSseStream } from './sse/decode-sse-stream.js';
export { NdjsonDecoder } from './ndjson/ndjson-decoder.js';
export { NdjsonParseError } from './ndjson/ndjson-parse-error.js';
export { decodeNdjsonStream } from './ndjson/decode-ndjson-stream.js';

// Cancellation: link a controller to a parent signal without AbortSignal.any's allocations.
export { followAbort } from './abort/follow-abort.js';
export { LruCache, type LruCacheOptions } from './cache/lru-cache.js';

// Money: exact integer nano-USD (bigint where summed); USD numbers only at the API edge.
export {
  type NanoUsd,
  type Usd,
  NANO_USD_PER_USD,
  MAX_NANO_USD,
  ZERO_NANO_USD,
  nanoUsd,
  nanoUsdToNumber,
} from './money/nano-usd.js';
export { usdToNanoUsd } from './money/usd-to-nano-usd.js';
export { nanoUsdToUsd, nullableNanoUsdToUsd } from './money/nano-usd-to-usd.js';
export { sumNanoUsd, compareNanoUsd, maxNanoUsd } from './money/nano-usd-arithmetic.js';
export { formatNanoUsd, formatScaled } from './money/format-nano-usd.js';
export { nanoUsdStringSchema, nanoUsdSchema, usdAmountSchema } from './money/nano-usd-schema.js';

// Model names: `provider/model`, or a bare name resolved by an injected catalogue lookup.
export { parseModelRef, type ModelRef, type ParseModelRefOptions } from './model-ref/parse-model-ref.js';

// Anthropic Messages API: request, reply, stream events, errors and count_tokens, as clients send and read them.
export {
  messagesTextBlockSchema,
  messagesSourceSchema,
  messagesImageBlockSchema,
  messagesDocumentBlockSchema,
  messagesToolUseBlockSchema,
  messagesToolResultBlockSchema,
  messagesThinkingBlockSchema,
  messagesRedactedThinkingBlockSchema,
  messagesContentBlockSchema,
  type MessagesTextBlock,
  type MessagesSource,
  type MessagesImageBlock,
  type MessagesDocumentBlock,
  type MessagesToolUseBlock,
  type MessagesToolResultBlock,
  type MessagesThinkingBlock,
  type MessagesRedactedThinkingBlock,
  type MessagesContentBlock,
} from './messages/messages-content-block.js';
export {
  messagesMessageSchema,
  messagesToolSchema,
  messagesToolChoiceSchema,
  messagesThinkingConfigSchema,
  messagesRequestSchema,
  messagesCountTokensRequestSchema,
  messagesCountTokensResponseSchema,
  type MessagesMessage,
  type MessagesTool,
  type MessagesToolChoice,
  type MessagesThinkingConfig,
  type MessagesRequest,
  type MessagesCountTokensRequest,
  type MessagesCountTokensResponse,
} from './messages/messages-request.js';
export {
  messagesStopReasonSchema,
  messagesUsageSchema,
  messagesResponseBlockSchema,
  messagesResponseSchema,
  type MessagesStopReason,
  type MessagesUsage,
  type MessagesResponseBlock,
  type MessagesResponse,
} from './messages/messages-response.js';
export { messagesBlockDeltaSchema, messagesStreamEventSchema, type MessagesBlockDelta, type MessagesStreamEvent } from './messages/messages-stream-event.js';
export {
  messagesErrorTypeSchema,
  messagesErrorSchema,
  messagesErrorTypeForStatus,
  type MessagesErrorType,
  type MessagesError,
} from './messages/messages-error.js';
export { parseMessagesRequest, parseMessagesCountTokensRequest } from './messages/parse-messages-request.js';

// OpenAI Responses API: the create request, the Response object, its items and its stream events.
export {
  inputTextPartSchema,
  inputImagePartSchema,
  inputFilePartSchema,
  outputTextPartSchema,
  refusalPartSchema,
  responsesInputContentPartSchema,
  responsesOutputContentPartSchema,
  type InputTextPart,
  type InputImagePart,
  type InputFilePart,
  type OutputTextPart,
  type RefusalPart,
  type ResponsesInputContentPart,
  type ResponsesOutputContentPart,
} from './responses/responses-content-part.js';
export {
  responsesInputMessageSchema,
  responsesOutputMessageSchema,
  functionCallItemSchema,
  functionCallOutputItemSchema,
  reasoningSummaryPartSchema,
  reasoningItemSchema,
  itemReferenceSchema,
  responsesInputItemSchema,
  responsesOutputItemSchema,
  type ResponsesInputMessage,
  type ResponsesOutputMessage,
  type FunctionCallItem,
  type FunctionCallOutputItem,
  type ReasoningItem,
  type ItemReference,
  type ResponsesInputItem,
  type ResponsesOutputItem,
} from './responses/responses-item.js';
export {
  responsesFunctionToolSchema,
  responsesToolChoiceSchema,
  type ResponsesFunctionTool,
  type ResponsesToolChoice,
} from './responses/responses-tool.js';
export { responsesTextFormatSchema, type ResponsesTextFormat } from './responses/responses-text-format.js';
export { responsesCreateRequestSchema, type ResponsesCreateRequest } from './responses/responses-create-request.js';
export { parseResponsesCreateRequest, type ParsedResponsesRequest } from './responses/parse-responses-request.js';
export { responsesUsageSchema, type ResponsesUsage } from './responses/responses-usage.js';
export { responseStatusSchema, responseObjectSchema, type ResponseStatus, type ResponseObject } from './responses/response-object.js';
export {
  responsesStreamEventSchema,
  type ResponsesStreamEvent,
  type ResponsesStreamEventType,
} from './responses/responses-stream-event.js';
