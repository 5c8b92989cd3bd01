import type { ChatMessage, FinishReason, OpenAIUsage } from '@tollgate/core';

/**
 * Why a run ended: `final_answer` (the model answered without calling tools), `max_turns`, `max_cost` (the next
 * call could have passed `maxCostUsd`), or `aborted` (the caller's signal).
 */
export type StopReason = 'final_answer' | 'max_turns' | 'max_cost' | 'aborted';

/** One model call of a run, and what it cost. */
export interface AgentTurn {
  /** 1 for the first model call. */
  readonly turn: number;
  /** Usage the model reported; null when it reported none. */
  readonly usage: OpenAIUsage | null;
  /** Cost in USD; null when neither the client nor the catalogue could price it. */
  readonly costUsd: number | null;
  /** Why the model stopped. */
  readonly finishReason: FinishReason | null;
  /** How many tools it called. */
  readonly toolCalls: number;
  /** The model that answered, as the provider names it. */
  readonly model: string | undefined;
  /** Notes from the client (dropped params, unpriced model…). */
  readonly warnings: readonly string[];
}

/** Token totals of a run. */
export interface RunUsage {
  readonly promptTokens: number;
  readonly completionTokens: number;
  readonly totalTokens: number;
  /** Of `completionTokens`, spent on reasoning. */
  readonly reasoningTokens: number;
  /** Of `promptTokens`, read from the provider's cache. */
  readonly cachedTokens: number;
}

/** What a run produced. */
export interface AgentRunResult {
  /** Text of the last assistant message ('' when it had none). */
  readonly finalText: string;
  /**
   * The conversation: the input messages, then every assistant and tool message of the run, in order. The
   * agent's `instructions` are not included (they are sent as the system message of each call), so
   * `agent.run([...result.messages, nextUserMessage])` continues the conversation.
   */
  readonly messages: ChatMessage[];
  /** One entry per model call. */
  readonly turns: AgentTurn[];
  /** Sum of the priced turns' costs, USD (summed in integer nano-USD). */
  readonly totalCostUsd: number;
  /** Turns whose cost is unknown (not in `totalCostUsd`). */
  readonly unpricedTurns: number;
  /** Token totals. */
  readonly usage: RunUsage;
  readonly stopReason: StopReason;
}
