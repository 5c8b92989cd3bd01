import type { AssistantMessage, FinishReason, OpenAIUsage } from '@tollgate/core';
import type { MaxCostExceededError } from '../errors/max-cost-exceeded-error.js';
import type { MaxTurnsExceededError } from '../errors/max-turns-exceeded-error.js';
import type { AgentRunResult } from './agent-run-result.js';

/** A piece of the answer text, as the model streams it. */
export interface TextDeltaEvent {
  readonly type: 'text-delta';
  readonly turn: number;
  readonly text: string;
}

/** A piece of the model's reasoning (`reasoning_content`), as it streams it. */
export interface ReasoningDeltaEvent {
  readonly type: 'reasoning-delta';
  readonly turn: number;
  readonly text: string;
}

/** The model asked for a tool call; emitted once its reply is complete, before the tools run. */
export interface ToolCallEvent {
  readonly type: 'tool-call';
  readonly turn: number;
  readonly callId: string;
  readonly name: string;
  /** The arguments exactly as the model wrote them (possibly invalid JSON). */
  readonly arguments: string;
}

/** A tool call ended (tools run in parallel, so results come in the order they finish). */
export interface ToolResultEvent {
  readonly type: 'tool-result';
  readonly turn: number;
  readonly callId: string;
  readonly name: string;
  /** What the model receives in the `tool` message. */
  readonly output: string;
  /** True for an unknown tool, invalid arguments, an exception, a timeout or a cancelled run. */
  readonly isError: boolean;
  readonly durationMs: number;
}

/** A turn ended: the model call and the tools it asked for. */
export interface TurnEndEvent {
  readonly type: 'turn-end';
  readonly turn: number;
  /** The assistant message added to the history. */
  readonly message: AssistantMessage;
  readonly usage: OpenAIUsage | null;
  readonly finishReason: FinishReason | null;
  /** This turn's cost, USD; null when unpriced. */
  readonly costUsd: number | null;
  /** The run's cost so far, USD (priced turns). */
  readonly totalCostUsd: number;
}

/**
 * The run ended; always the last event. `error` is set when it stopped on a limit (the same error `run()` throws);
 * an aborted run has `result.stopReason: 'aborted'` and no error.
 */
export interface RunEndEvent {
  readonly type: 'run-end';
  readonly result: AgentRunResult;
  readonly error?: MaxTurnsExceededError | MaxCostExceededError;
}

/** Everything `agent.stream()` yields, told apart by `type`. */
export type AgentEvent = TextDeltaEvent | ReasoningDeltaEvent | ToolCallEvent | ToolResultEvent | TurnEndEvent | RunEndEvent;
