import type { ProviderAdapter } from '../../adapter/provider-adapter.js';
import { fromCohereEmbeddingResponse, toCohereEmbeddingRequest } from './cohere-embedding.js';
import { cohereError } from './cohere-error.js';
import { fromCohereResponse } from './from-cohere-response.js';
import { CohereStreamParser } from './from-cohere-stream.js';
import { toCohereRequest } from './to-cohere-request.js';

/** The OpenAI params v2 chat can honour (https://docs.cohere.com/reference/chat). */
const SUPPORTED_PARAMS: readonly string[] = [
  'stream',
  'stream_options',
  'max_tokens',
  'max_completion_tokens',
  'temperature',
  'top_p',
  'stop',
  'seed',
  'frequency_penalty',
  'presence_penalty',
  'tools',
  'tool_choice',
  'response_format',
  'reasoning_effort',
];

/**
 * Cohere's native v2 API (chat and embed), Bearer auth with `COHERE_API_KEY` (LiteLLM's name) or `CO_API_KEY`
 * (Cohere's SDKs' name).
 */
export const cohereAdapter: ProviderAdapter = {
  id: 'cohere',
  aliases: ['cohere_chat'],
  displayName: 'Cohere',
  envKeys: ['COHERE_API_KEY', 'CO_API_KEY'],
  apiKeyRequired: true,
  apiBaseEnv: ['COHERE_API_BASE'],
  defaultApiBase: 'https://api.cohere.com',
  authScheme: { kind: 'bearer' },
  streamFormat: 'sse',
  supportedParams: () => SUPPORTED_PARAMS,
  toChatRequest: toCohereRequest,
  fromChatResponse: fromCohereResponse,
  createChatStreamParser: (context) => new CohereStreamParser(context),
  toEmbeddingRequest: toCohereEmbeddingRequest,
  fromEmbeddingResponse: fromCohereEmbeddingResponse,
  toError: cohereError,
};
