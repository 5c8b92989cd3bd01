import type { ProviderAdapter } from '../adapter/provider-adapter.js';
// One import line per adapter module; keep this list flat so adding a provider is one line here plus one below.
import { openAIAdapter } from '../adapters/openai/openai-adapter.js';
import { azureAdapter } from '../adapters/azure/azure-adapter.js';
import { anthropicAdapter } from '../adapters/anthropic/anthropic-adapter.js';
import { geminiAdapter } from '../adapters/gemini/gemini-adapter.js';
import { cohereAdapter } from '../adapters/cohere/cohere-adapter.js';
import { ollamaAdapter } from '../adapters/ollama/ollama-adapter.js';
import { openAICompatibleAdapters } from '../adapters/openai-compatible/openai-compatible-adapters.js';
import { mockAdapter } from '../adapters/mock/mock-adapter.js';

/**
 * Every built-in provider adapter. Order only matters for `listProviders()` output. Adding a provider: import its
 * adapter above and add it here — nothing else in generic code names a provider.
 */
export const providerAdapters: readonly ProviderAdapter[] = [
  openAIAdapter,
  azureAdapter,
  // native adapters: one entry each
  anthropicAdapter,
  geminiAdapter,
  cohereAdapter,
  ollamaAdapter,
  ...openAICompatibleAdapters,
  mockAdapter,
];
