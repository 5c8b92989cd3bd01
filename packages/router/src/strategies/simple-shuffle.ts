import type { Candidate, PickContext, RoutingStrategy } from './routing-strategy.js';
import { weightedPick } from './weighted-pick.js';

/**
 * Weighted random choice (LiteLLM's default and recommended strategy). Weights come from `weight` when any
 * candidate sets one (a deployment without one counts as 1); else from `rpm` when every candidate sets one; else
 * from `tpm` likewise; else the choice is uniform. Needs no state, so it costs nothing per request.
 */
export const simpleShuffle: RoutingStrategy = {
  name: 'simple-shuffle',
  pick(candidates: readonly Candidate[], context: PickContext): Candidate {
    return weightedPick(candidates, weightFunctionFor(candidates), context.random);
  },
};

function weightFunctionFor(candidates: readonly Candidate[]): (candidate: Candidate) => number {
  const params = candidates.map((candidate) => candidate.deployment.litellmParams);
  if (params.some((param) => param.weight != null)) {
    return (candidate) => candidate.deployment.litellmParams.weight ?? 1;
  }
  if (params.every((param) => param.rpm != null)) return (candidate) => candidate.deployment.litellmParams.rpm ?? 0;
  if (params.every((param) => param.tpm != null)) return (candidate) => candidate.deployment.litellmParams.tpm ?? 0;
  return () => 1;
}
