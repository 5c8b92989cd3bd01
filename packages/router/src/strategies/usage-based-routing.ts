import type { Candidate, PickContext, RoutingStrategy } from './routing-strategy.js';
import { pickLowest } from './weighted-pick.js';

const MINUTE_MS = 60_000;

/**
 * Keeps every deployment under its `rpm` and `tpm` for the current minute: a deployment that would exceed either
 * with this request (its prompt tokens counted against tpm) is not used, and among the rest the one with the
 * fewest tokens used this minute wins (then the fewest requests, then at random). A deployment without limits
 * is never refused. When all are refused the router answers 429 until the minute turns.
 */
export const usageBasedRouting: RoutingStrategy = {
  name: 'usage-based-routing',
  accepts(candidate: Candidate, context: PickContext): boolean {
    const { rpm, tpm } = candidate.deployment.litellmParams;
    if (rpm != null && candidate.state.requestsThisMinute + 1 > rpm) return false;
    const promptTokens = context.promptTokensOf(candidate.deployment) ?? 0;
    if (tpm != null && candidate.state.tokensThisMinute + promptTokens > tpm) return false;
    return true;
  },
  secondsUntilAccepting(context: PickContext): number {
    return Math.max(1, Math.ceil((MINUTE_MS - (context.nowMs % MINUTE_MS)) / 1000));
  },
  pick(candidates: readonly Candidate[], context: PickContext): Candidate {
    const mostRequests = Math.max(...candidates.map((candidate) => candidate.state.requestsThisMinute)) + 1;
    // Tokens first; requests only break ties (scaled so they never outweigh a single token).
    return pickLowest(
      candidates,
      (candidate) => candidate.state.tokensThisMinute + candidate.state.requestsThisMinute / mostRequests,
      context.random,
    );
  },
};
