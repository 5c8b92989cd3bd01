import { InternalServerError } from '@tollgate/core';
import type { ProviderAdapter } from '../../adapter/provider-adapter.js';
import { ALL_OPENAI_PARAMS } from '../openai/openai-supported-params.js';
import { buildMockCompletion } from './build-mock-completion.js';
import { buildMockEmbedding } from './build-mock-embedding.js';

function noWire(): never {
  throw new InternalServerError('The mock provider answers locally and has no wire format.');
}

/**
 * The offline provider `mock/<any-name>`: answers every call locally, deterministically, with usage — for demos,
 * tests and examples. Params: `mock_response` (reply text), `mock_tool_calls` (tool calls to make until a tool
 * result arrives), `mock_reasoning` (reasoning text). Streams too (`completion()` splits the reply into chunks).
 * Cost is priced as `<any-name>` when the catalogue knows that name (`mock/gpt-4o`), else reported as unpriced.
 */
export const mockAdapter: ProviderAdapter = {
  id: 'mock',
  displayName: 'Mock (offline)',
  envKeys: [],
  apiKeyRequired: false,
  defaultApiBase: 'mock://local',
  authScheme: { kind: 'none' },
  streamFormat: 'sse',
  supportedParams: () => ALL_OPENAI_PARAMS,
  answerLocally: (request, context) => buildMockCompletion({ request, context }),
  embedLocally: buildMockEmbedding,
  pricingModel: (model) => model,
  toChatRequest: noWire,
  fromChatResponse: noWire,
  createChatStreamParser: noWire,
  toError: noWire,
};
