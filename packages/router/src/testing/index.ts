// Test doubles for code that uses the router: scripted deployments, a manual clock, a seeded random source.
export {
  scriptedDeployments,
  type ScriptStep,
  type RecordedCall,
  type ScriptedDeployments,
} from './scripted-deployments.js';
export {
  fakeChatCompletion,
  fakeChatChunks,
  fakeChatStream,
  fakeEmbeddingResponse,
  fakeResponse,
  fakeResponseStream,
  fakeCallMetadata,
  type FakeUsage,
} from './fake-responses.js';
export { ManualClock } from './manual-clock.js';
export { createSeededRandom } from '../runtime/seeded-random.js';
