import { z } from 'zod';
import { configuredRoutingStrategySchema } from './routing-strategy-name.js';

/** LiteLLM's fallback mapping: a list of `{ "<group>": ["<fallback group>", ...] }` objects, tried in order. */
export const fallbackListSchema = z.array(z.record(z.string().min(1), z.array(z.string().min(1))));

/** An alias target: a group name, or `{ model, hidden }` where a hidden alias is left out of model listings. */
export const modelGroupAliasTargetSchema = z.union([
  z.string().min(1),
  z.strictObject({
    /** The model group the alias routes to. */
    model: z.string().min(1),
    /** Leave the alias out of `/v1/models`. */
    hidden: z.boolean().optional(),
  }),
]);

/** `routing_strategy_args`: tuning for the latency-based strategy. */
export const routingStrategyArgsSchema = z.looseObject({
  /** Seconds a latency sample counts (default 3600). */
  ttl: z.number().positive().optional(),
  /** Deployments within this fraction of the fastest are picked at random (0.1 = 10 %; default 0). */
  lowest_latency_buffer: z.number().nonnegative().optional(),
});

/**
 * `router_settings` (also `Router(...)` arguments in LiteLLM). Known keys are checked; unknown keys are kept
 * because LiteLLM has many settings (e.g. `redis_host`) that belong to other parts of the gateway.
 */
export const routerSettingsSchema = z.looseObject({
  /** How a deployment is chosen within a model group (default `simple-shuffle`). */
  routing_strategy: configuredRoutingStrategySchema.optional(),
  /** Tuning for the routing strategy. */
  routing_strategy_args: routingStrategyArgsSchema.optional(),
  /** Retries per model group after the first attempt (default 2). */
  num_retries: z.number().int().nonnegative().optional(),
  /** Minimum seconds to wait before a retry. */
  retry_after: z.number().nonnegative().optional(),
  /** Seconds a non-streamed call may take (default 600). */
  timeout: z.number().positive().optional(),
  /** Seconds a streamed call may take to send its first chunk (default: `timeout`). */
  stream_timeout: z.number().positive().optional(),
  /** Failures of a deployment allowed within a minute before it cools down (default 3). */
  allowed_fails: z.number().int().nonnegative().optional(),
  /** Seconds a failing deployment is skipped (default 5). */
  cooldown_time: z.number().nonnegative().optional(),
  /** Never cool deployments down. */
  disable_cooldowns: z.boolean().optional(),
  /** Groups to try, in order, when a group fails after its retries. */
  fallbacks: fallbackListSchema.optional(),
  /** Groups to try when a group's prompt does not fit its context window. */
  context_window_fallbacks: fallbackListSchema.optional(),
  /** Groups to try when a group's provider refuses the content. */
  content_policy_fallbacks: fallbackListSchema.optional(),
  /** Groups to try for any group without an entry in `fallbacks`. */
  default_fallbacks: z.array(z.string().min(1)).optional(),
  /** Most fallback groups tried for one request (default 5). */
  max_fallbacks: z.number().int().nonnegative().optional(),
  /** Other names for model groups. */
  model_group_alias: z.record(z.string().min(1), modelGroupAliasTargetSchema).optional(),
  /** Skip deployments whose context window the prompt exceeds, before calling them. */
  enable_pre_call_checks: z.boolean().optional(),
});

export type RouterSettings = z.infer<typeof routerSettingsSchema>;
/** What a caller may pass as `routerSettings` (a strategy may be given by its LiteLLM synonym). */
export type RouterSettingsInput = z.input<typeof routerSettingsSchema>;
export type FallbackList = z.infer<typeof fallbackListSchema>;
