import type { ProviderAdapter } from '../../adapter/provider-adapter.js';
import { fromOllamaEmbeddingResponse, toOllamaEmbeddingRequest } from './ollama-embedding.js';
import { ollamaError } from './ollama-error.js';
import { fromOllamaResponse } from './from-ollama-response.js';
import { OllamaStreamParser } from './from-ollama-stream.js';
import { toOllamaRequest } from './to-ollama-request.js';

/** The OpenAI params `/api/chat` can honour (`tool_choice`: only `auto` and `none`, see `toOllamaRequest`). */
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
 * Ollama's native API (`/api/chat`, NDJSON streams; `/api/embed`). Local by default
 * (`http://localhost:11434`, override with `OLLAMA_API_BASE`), no key needed; `OLLAMA_API_KEY` is sent as a
 * Bearer token when set (Ollama behind an authenticating proxy, or Ollama Cloud). The OpenAI-compatible
 * `/v1` endpoint is the separate `ollama_chat` provider.
 */
export const ollamaAdapter: ProviderAdapter = {
  id: 'ollama',
  displayName: 'Ollama',
  envKeys: ['OLLAMA_API_KEY'],
  apiKeyRequired: false,
  apiBaseEnv: ['OLLAMA_API_BASE'],
  defaultApiBase: 'http://localhost:11434',
  authScheme: { kind: 'bearer' },
  streamFormat: 'ndjson',
  supportedParams: () => SUPPORTED_PARAMS,
  toChatRequest: toOllamaRequest,
  fromChatResponse: fromOllamaResponse,
  createChatStreamParser: (context) => new OllamaStreamParser(context),
  toEmbeddingRequest: toOllamaEmbeddingRequest,
  fromEmbeddingResponse: fromOllamaEmbeddingResponse,
  toError: ollamaError,
};
