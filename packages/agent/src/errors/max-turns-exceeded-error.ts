import type { AgentRunResult } from '../run/agent-run-result.js';

/** The run needed another model call after `maxTurns` calls. `result` holds everything up to that point. */
export class MaxTurnsExceededError extends Error {
  /** The partial run: messages (tool results of the last turn included), turns, cost; `stopReason: 'max_turns'`. */
  readonly result: AgentRunResult;
  /** The limit that was reached. */
  readonly maxTurns: number;

  constructor(options: { maxTurns: number; result: AgentRunResult }) {
    super(`The agent stopped after ${options.maxTurns} model calls (maxTurns) without a final answer.`);
    this.name = 'MaxTurnsExceededError';
    this.maxTurns = options.maxTurns;
    this.result = options.result;
  }
}
