import type { ProviderAdapter } from '../../adapter/provider-adapter.js';
import { fromGeminiEmbeddingResponse, toGeminiEmbeddingRequest } from './gemini-embedding.js';
import { geminiError } from './gemini-error.js';
import { fromGeminiResponse } from './from-gemini-response.js';
import { GeminiStreamParser } from './from-gemini-stream.js';
import { toGeminiRequest } from './to-gemini-request.js';

/** The OpenAI params generateContent can honour (https://ai.google.dev/api/generate-content#generationconfig). */
const SUPPORTED_PARAMS: readonly string[] = [
  'stream',
  'stream_options',
  'max_tokens',
  'max_completion_tokens',
  'temperature',
  'top_p',
  'n',
  'stop',
  'presence_penalty',
  'frequency_penalty',
  'seed',
  'tools',
  'tool_choice',
  'response_format',
  'reasoning_effort',
];

/**
 * Google AI Studio's native Gemini API (generateContent / streamGenerateContent with `alt=sse`). Key in
 * `GEMINI_API_KEY` (or `GOOGLE_API_KEY`, the name Google's SDKs read), sent as `x-goog-api-key`.
 */
export const geminiAdapter: ProviderAdapter = {
  id: 'gemini',
  displayName: 'Google Gemini (AI Studio)',
  envKeys: ['GEMINI_API_KEY', 'GOOGLE_API_KEY'],
  apiKeyRequired: true,
  apiBaseEnv: ['GEMINI_API_BASE'],
  defaultApiBase: 'https://generativelanguage.googleapis.com/v1beta',
  authScheme: { kind: 'header', name: 'x-goog-api-key' },
  streamFormat: 'sse',
  supportedParams: () => SUPPORTED_PARAMS,
  toChatRequest: toGeminiRequest,
  fromChatResponse: fromGeminiResponse,
  createChatStreamParser: (context) => new GeminiStreamParser(context),
  toEmbeddingRequest: toGeminiEmbeddingRequest,
  fromEmbeddingResponse: fromGeminiEmbeddingResponse,
  toError: geminiError,
};
