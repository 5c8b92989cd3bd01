import { z } from 'zod';

/** The routing strategies the router implements (LiteLLM's names). */
export const routingStrategyNameSchema = z.enum([
  'simple-shuffle',
  'least-busy',
  'latency-based-routing',
  'usage-based-routing',
  'cost-based-routing',
]);

export type RoutingStrategyName = z.infer<typeof routingStrategyNameSchema>;

/**
 * A configured strategy name. LiteLLM's `usage-based-routing-v2` is accepted as a synonym of
 * `usage-based-routing`, whose behaviour (checking limits before the call) is v2's.
 */
export const configuredRoutingStrategySchema = z
  .union([routingStrategyNameSchema, z.literal('usage-based-routing-v2')])
  .transform((name): RoutingStrategyName => (name === 'usage-based-routing-v2' ? 'usage-based-routing' : name));
