import type { Candidate, PickContext, RoutingStrategy } from './routing-strategy.js';
import { pickLowest } from './weighted-pick.js';

/**
 * The cheapest deployment: the lowest input + output price per token, from `model_info` or the catalogue.
 * Deployments with no known price come after every priced one (an unknown price is not a free one); ties are
 * broken at random.
 */
export const costBasedRouting: RoutingStrategy = {
  name: 'cost-based-routing',
  pick(candidates: readonly Candidate[], context: PickContext): Candidate {
    return pickLowest(candidates, priceOf, context.random);
  },
};

function priceOf(candidate: Candidate): number {
  const { inputCostPerToken, outputCostPerToken } = candidate.deployment;
  if (inputCostPerToken === undefined && outputCostPerToken === undefined) return Number.POSITIVE_INFINITY;
  return (inputCostPerToken ?? 0) + (outputCostPerToken ?? 0);
}
