import type { RoutingStrategyName } from '../config/routing-strategy-name.js';
import type { RouterSettings } from '../config/router-settings-schema.js';
import { costBasedRouting } from './cost-based-routing.js';
import { createLatencyBasedRouting } from './latency-based-routing.js';
import { leastBusy } from './least-busy.js';
import type { RoutingStrategy } from './routing-strategy.js';
import { simpleShuffle } from './simple-shuffle.js';
import { usageBasedRouting } from './usage-based-routing.js';

const DEFAULT_LATENCY_TTL_SECONDS = 3600;

/** The strategy `router_settings.routing_strategy` names (simple-shuffle when unset). */
export function createRoutingStrategy(settings: RouterSettings): RoutingStrategy {
  const name: RoutingStrategyName = settings.routing_strategy ?? 'simple-shuffle';
  switch (name) {
    case 'simple-shuffle':
      return simpleShuffle;
    case 'least-busy':
      return leastBusy;
    case 'usage-based-routing':
      return usageBasedRouting;
    case 'cost-based-routing':
      return costBasedRouting;
    case 'latency-based-routing':
      return createLatencyBasedRouting({
        ttlMs: (settings.routing_strategy_args?.ttl ?? DEFAULT_LATENCY_TTL_SECONDS) * 1000,
        lowestLatencyBuffer: settings.routing_strategy_args?.lowest_latency_buffer ?? 0,
      });
  }
}
