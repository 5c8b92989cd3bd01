import type { Candidate, PickContext, RoutingStrategy } from './routing-strategy.js';
import { pickLowest } from './weighted-pick.js';

/** The deployment with the fewest calls in flight; ties are broken at random. */
export const leastBusy: RoutingStrategy = {
  name: 'least-busy',
  pick(candidates: readonly Candidate[], context: PickContext): Candidate {
    return pickLowest(candidates, (candidate) => candidate.state.inFlight, context.random);
  },
};
