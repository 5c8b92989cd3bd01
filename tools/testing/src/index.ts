// @tollgate/testing: the test doubles of Tollgate's own tests (private; used from tests and devDependencies).

// The fake upstream: OpenAI, Anthropic and Gemini dialects, scripted behaviours and faults, raw replay.
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
export { runCli as runMockUpstreamCli, type CliProcess } from './cli/run-cli.js';

// Helpers for tests that compute the numbers the fake upstream reports.
export { estimatePromptTokens } from './plan/estimate-prompt-tokens.js';
export { embeddingVector, type EmbeddingVector } from './embeddings/embedding-vector.js';

// Replay of recorded payloads, byte for byte and cut anywhere, on any path.
export { startReplayServer, type ReplayServer, type ScriptedResponse } from './replay/start-replay-server.js';
export { seededRandom, splitAtRandom, type BodySplit } from './replay/split-bytes.js';

// A scripted OpenAI-compatible endpoint: a function answers each request.
export {
  startFakeOpenAIServer,
  type FakeAnswer,
  type FakeOpenAIServer,
  type ReceivedRequest,
} from './openai-script/start-scripted-openai-server.js';
export { answerAs, chunkBody, completionBody, type FakeReply } from './openai-script/openai-bodies.js';

// Services that fail: a relay a test can cut and restore, a server that never answers.
export { startTcpRelay, type TcpRelay } from './tcp-relay/start-tcp-relay.js';
export { startSilentServer, type SilentServer } from './tcp-relay/start-silent-server.js';
