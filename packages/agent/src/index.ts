// The agent.
export { Agent } from './agent/agent.js';
export type { AgentOptions } from './agent/agent-options.js';
export type { ModelSettings } from './agent/model-settings.js';
export type { AgentInput } from './run/input-messages.js';
export type { RunOptions } from './run/run-setup.js';
export type { AgentRunResult, AgentTurn, RunUsage, StopReason } from './run/agent-run-result.js';
export type {
  AgentEvent,
  TextDeltaEvent,
  ReasoningDeltaEvent,
  ToolCallEvent,
  ToolResultEvent,
  TurnEndEvent,
  RunEndEvent,
} from './run/agent-event.js';

// Tools.
export { tool, type Tool, type ToolOptions, type ToolContext } from './tool/tool.js';

// Errors.
export { MaxTurnsExceededError } from './errors/max-turns-exceeded-error.js';
export { MaxCostExceededError, type MaxCostExceededErrorOptions } from './errors/max-cost-exceeded-error.js';
export { ToolDefinitionError } from './errors/tool-definition-error.js';

// Model clients: providers directly, a Router, or any OpenAI-compatible endpoint (a Tollgate proxy).
export type { ModelClient, ModelRequest, ModelReply, ModelStreamPart, ModelCallOptions } from './client/model-client.js';
export { providersClient, type ProvidersClientOptions } from './client/providers-client.js';
export { routerClient } from './client/router-client.js';
export { openAICompatibleClient, type OpenAICompatibleClientOptions } from './client/openai-compatible-client.js';

// Cost: the worst-case bound the cap uses, for callers that want to show it.
