// Test doubles for code that uses @tollgate/agent.
export {
  ScriptedModel,
  scriptedModel,
  type ScriptedModelOptions,
  type ScriptedTurn,
  type ScriptedToolCall,
  type ScriptStep,
  type RecordedCall,
} from './scripted-model.js';
export {
  startFakeOpenAIServer,
  completionBody,
  chunkBody,
  answerAs,
  type FakeReply,
  type FakeOpenAIServer,
  type FakeAnswer,
  type ReceivedRequest,
} from './fake-openai-server.js';
