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
} from './errors/index.js';

// Usage: the wire shape and the bucketed shape that pricing and accounting use.
export { openAIUsageSchema, type OpenAIUsage } from './usage/openai-usage.js';
export { type TokenUsage, toTokenUsage, inputTokensOf, outputTokensOf } from './usage/token-usage.js';
