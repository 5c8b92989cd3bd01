import type { ProviderAdapter } from '../../adapter/provider-adapter.js';
import { anthropicError } from './anthropic-error.js';
import { fromAnthropicResponse } from './from-anthropic-response.js';
import { AnthropicStreamParser } from './from-anthropic-stream.js';
import { ANTHROPIC_DEFAULT_API_VERSION, toAnthropicRequest } from './to-anthropic-request.js';

/** The OpenAI params the Messages API can honour (LiteLLM's list for Anthropic, plus `stream_options`). */
const SUPPORTED_PARAMS: readonly string[] = [
  'stream',
  'stream_options',
  'max_tokens',
  'max_completion_tokens',
  'temperature',
  'top_p',
  'stop',
  'tools',
  'tool_choice',
  'parallel_tool_calls',
  'response_format',
  'reasoning_effort',
  'user',
];

/**
 * Anthropic's native Messages API (https://docs.anthropic.com/en/api/messages): `x-api-key` +
 * `anthropic-version` headers, key in `ANTHROPIC_API_KEY`, base URL override in `ANTHROPIC_API_BASE`.
 */
export const anthropicAdapter: ProviderAdapter = {
  id: 'anthropic',
  displayName: 'Anthropic',
  envKeys: ['ANTHROPIC_API_KEY'],
  apiKeyRequired: true,
  apiBaseEnv: ['ANTHROPIC_API_BASE', 'ANTHROPIC_BASE_URL'],
  defaultApiBase: 'https://api.anthropic.com',
  apiVersionEnv: ['ANTHROPIC_API_VERSION'],
  defaultApiVersion: ANTHROPIC_DEFAULT_API_VERSION,
  authScheme: { kind: 'header', name: 'x-api-key' },
  streamFormat: 'sse',
  supportedParams: () => SUPPORTED_PARAMS,
  toChatRequest: toAnthropicRequest,
  fromChatResponse: fromAnthropicResponse,
  createChatStreamParser: (context) => new AnthropicStreamParser(context),
  toError: anthropicError,
};
