import type { LatencySample } from '../state/deployment-state.js';
import type { Candidate, PickContext, RoutingStrategy } from './routing-strategy.js';

/** Tuning of latency-based routing (`routing_strategy_args`). */
export interface LatencyBasedRoutingOptions {
  /** Milliseconds a latency sample counts. */
  ttlMs: number;
  /** Deployments within this fraction of the fastest average are picked among at random (0.1 = 10 %). */
  lowestLatencyBuffer: number;
}

/**
 * The deployment with the lowest recent average latency: whole-call latency for non-streamed requests, time to
 * first chunk for streams. A deployment with no recent sample counts as fastest, so new or recovered deployments
 * get measured instead of starved. With a buffer, every deployment within `fastest × (1 + buffer)` is eligible
 * and one is picked at random, which spreads load among near-equal deployments.
 */
export function createLatencyBasedRouting(options: LatencyBasedRoutingOptions): RoutingStrategy {
  return {
    name: 'latency-based-routing',
    pick(candidates: readonly Candidate[], context: PickContext): Candidate {
      const averages = candidates.map((candidate) => averageLatencyMs(candidate, context, options.ttlMs));
      const fastest = Math.min(...averages);
      const limit = fastest * (1 + options.lowestLatencyBuffer);
      const eligible = candidates.filter((_, index) => (averages[index] as number) <= limit);
      return eligible[Math.floor(context.random() * eligible.length)] ?? (eligible[0] as Candidate);
    },
  };
}

function averageLatencyMs(candidate: Candidate, context: PickContext, ttlMs: number): number {
  const samples: readonly LatencySample[] = context.stream
    ? candidate.state.firstChunkLatencies
    : candidate.state.responseLatencies;
  const fresh = samples.filter((sample) => context.nowMs - sample.atMs <= ttlMs);
  if (fresh.length === 0) return 0;
  return fresh.reduce((sum, sample) => sum + sample.latencyMs, 0) / fresh.length;
}
