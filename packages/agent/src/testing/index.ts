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
