import type { RoutingStrategyName } from '../config/routing-strategy-name.js';
import type { Deployment } from '../deployment/deployment.js';
import type { DeploymentState } from '../state/deployment-state.js';

/** A deployment the router may call, with its current state. */
export interface Candidate {
  readonly deployment: Deployment;
  readonly state: DeploymentState;
}

/** What a strategy may consider besides the candidates. */
export interface PickContext {
  /** The router clock's time (epoch ms). */
  nowMs: number;
  /** A uniform random number in [0, 1); injectable for reproducible tests. */
  random: () => number;
  /** Whether the request streams (latency-based routing then compares time to first chunk). */
  stream: boolean;
  /** Prompt tokens of the request for a deployment's model, when countable (counted lazily, once per model). */
  promptTokensOf(deployment: Deployment): number | undefined;
}

/** How one deployment is chosen among the available deployments of a priority tier. */
export interface RoutingStrategy {
  readonly name: RoutingStrategyName;
  /**
   * Whether the strategy lets a deployment take this request at all (usage-based routing refuses deployments that
   * would exceed their rpm/tpm). Absent means always.
   */
  accepts?(candidate: Candidate, context: PickContext): boolean;
  /** When every candidate was refused by `accepts`: seconds until one may accept again. */
  secondsUntilAccepting?(context: PickContext): number;
  /** Chooses one candidate; `candidates` is never empty. */
  pick(candidates: readonly Candidate[], context: PickContext): Candidate;
}
