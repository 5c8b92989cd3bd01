// The mock upstream server and everything a test needs to script it.
export { startMockUpstream, type MockUpstream } from './start-mock-upstream.js';
export type { MockUpstreamOptions } from './mock-upstream-options.js';
export type {
  MockBehaviour,
  MockBehaviourFunction,
  MockBehaviourKnobs,
  MockErrorBehaviour,
  MockRawBehaviour,
  MockReasoningBehaviour,
  MockTextBehaviour,
  MockToolCall,
  MockToolCallsBehaviour,
  MockUsageOverrides,
} from './behaviour/mock-behaviour.js';
export { parseBehaviour } from './behaviour/parse-behaviour.js';
export type { RecordedRequest, MockRoute, WireFormat } from './http/recorded-request.js';
export type { MockStats } from './http/mock-stats.js';

// Helpers for tests that compute the numbers the mock reports.
export { estimatePromptTokens } from './plan/estimate-prompt-tokens.js';
export { embeddingVector, type EmbeddingVector } from './embeddings/embedding-vector.js';
