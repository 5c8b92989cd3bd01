import { z } from 'zod';

const seconds = z.number().positive();

/**
 * `litellm_params` of one `model_list` entry: how to reach the deployment and the limits the router applies to it.
 * Any other key (e.g. `temperature`, `organization`, a provider-specific param) is kept and sent with every call to
 * the deployment, as LiteLLM does.
 */
export const litellmParamsSchema = z.looseObject({
  /** The deployment's `provider/model`, e.g. `azure/my-gpt4o-eu` or `openai/gpt-4o`. */
  model: z.string().min(1),
  /** Where the deployment runs (`eu-west-1`, `westeurope`, `eu`): calls confined to a region go only there. */
  region_name: z.string().min(1).nullish(),
  /** Provider API key (usually an `os.environ/NAME` reference resolved by the config loader). */
  api_key: z.string().nullish(),
  /** Provider base URL, for self-hosted or regional endpoints. */
  api_base: z.string().nullish(),
  /** Provider API version (Azure). */
  api_version: z.string().nullish(),
  /** Requests per minute this deployment allows: weights simple-shuffle, bounds usage-based routing. */
  rpm: z.number().int().positive().nullish(),
  /** Tokens per minute this deployment allows: weights simple-shuffle, bounds usage-based routing. */
  tpm: z.number().int().positive().nullish(),
  /** Seconds a non-streamed call may take before it is abandoned (overrides `router_settings.timeout`). */
  timeout: seconds.nullish(),
  /** Seconds a streamed call may take to send its first chunk (overrides `router_settings.stream_timeout`). */
  stream_timeout: seconds.nullish(),
  /** Calls in flight beyond which this deployment is skipped. */
  max_parallel_requests: z.number().int().positive().nullish(),
  /** Relative share of traffic under simple-shuffle (a deployment without one counts as 1). */
  weight: z.number().nonnegative().nullish(),
  /** Priority tier: the lowest order is used while any of its deployments is available. */
  order: z.number().int().nullish(),
  /** Retries the provider client makes inside one router attempt (default 0: the router retries). */
  max_retries: z.number().int().nonnegative().nullish(),
  /** Seconds this deployment cools down after failing (overrides `router_settings.cooldown_time`). */
  cooldown_time: z.number().nonnegative().nullish(),
});

export type LitellmParams = z.infer<typeof litellmParamsSchema>;

/** Keys of `litellm_params` that configure the router or the connection, never sent as request params. */
export const ROUTING_LITELLM_PARAMS: ReadonlySet<string> = new Set([
  'model',
  'api_key',
  'api_base',
  'api_version',
  'rpm',
  'tpm',
  'timeout',
  'stream_timeout',
  'max_parallel_requests',
  'weight',
  'order',
  'max_retries',
  'cooldown_time',
  'region_name',
]);
