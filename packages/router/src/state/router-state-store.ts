import type { DeploymentState } from './deployment-state.js';

/** How a call to a deployment ended, for the counters and latency samples. */
export interface RequestOutcome {
  /** When it ended (epoch ms). */
  nowMs: number;
  /** Tokens it used (prompt + completion), when the provider reported usage. */
  tokens?: number | undefined;
  /** Latency to record, when the call succeeded (or timed out). */
  latency?: { kind: 'response' | 'first-chunk'; latencyMs: number } | undefined;
}

/**
 * Where the router keeps what it learns about deployments: cooldowns, calls in flight, usage in the current minute
 * and recent latencies. The in-memory store serves one process; a shared store (Redis) lets several proxies agree
 * on cooldowns and usage. Methods take the time from the caller (the router's clock) so stores need no clock.
 */
export interface RouterStateStore {
  /** The state of several deployments in one round trip; ids without state get the empty state. */
  getStates(deploymentIds: readonly string[], options: { nowMs: number }): Promise<Map<string, DeploymentState>>;
  /** A call started: one more in flight, one more request this minute. */
  startRequest(deploymentId: string, options: { nowMs: number }): Promise<void>;
  /** A call ended (however it ended): one fewer in flight, plus its tokens and latency when given. */
  endRequest(deploymentId: string, outcome: RequestOutcome): Promise<void>;
  /** Counts a failure in the current minute and returns the minute's count, this one included. */
  recordFailure(deploymentId: string, options: { nowMs: number }): Promise<number>;
  /** Skips the deployment until `untilMs` (an earlier time never shortens a cooldown already set). */
  setCooldown(deploymentId: string, options: { untilMs: number }): Promise<void>;
  /** Releases connections or timers, if the store holds any. */
  close?(): Promise<void>;
}
