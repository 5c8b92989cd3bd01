import { z } from 'zod';
import { modelListSchema, routerSettingsSchema } from '@tollgate/router';

const durationString = z.string().regex(/^\d+(s|m|h|d|w|mo)$/, 'expected a duration such as 30s, 30m, 24h, 7d, 1mo');
const usd = z.number().nonnegative();

/** `litellm_settings`: SDK-wide behaviour and the global proxy budget. Unknown keys are kept (LiteLLM has many). */
export const litellmSettingsSchema = z.looseObject({
  drop_params: z.boolean().optional(),
  num_retries: z.number().int().nonnegative().optional(),
  request_timeout: z.number().positive().optional(),
  max_budget: usd.optional(),
  budget_duration: durationString.optional(),
  timezone: z.string().optional(),
  max_end_user_budget: usd.optional(),
  callbacks: z.array(z.string()).optional(),
});

/** `general_settings`: the gateway itself. */
export const generalSettingsSchema = z.looseObject({
  master_key: z.string().startsWith('sk-', 'the master key must start with sk-').optional(),
  database_url: z.string().optional(),
  max_request_size_mb: z.number().positive().optional(),
  /** Refuse (false, default) or admit (true) requests when the limiter cannot decide. */
  fail_open_on_limiter_error: z.boolean().optional(),
  /** Lets clients send `api_base` / `api_key` in a request body (off by default: it would redirect upstream calls). */
  allow_client_side_credentials: z.boolean().optional(),
  maximum_spend_logs_retention_period: durationString.optional(),
  soft_budget_webhook_url: z.url().optional(),
  /**
   * `exact` (default): reserve each request's worst case, lower max_tokens to what the budget affords, stop streams
   * past their reservation. `loose`: LiteLLM's rule — refuse only once spend has reached the budget; calls may overshoot.
   */
  budget_enforcement: z.enum(['exact', 'loose']).optional(),
  /**
   * `/v1/responses` to a model group whose every deployment speaks Responses (OpenAI): passed as is (true, default)
   * or translated to chat completions like every other provider (false).
   */
  native_responses: z.boolean().optional(),
});

/** A LiteLLM-style `config.yaml`. */
export const proxyConfigSchema = z.looseObject({
  /** Deployments, validated by the router's own schema so errors name the bad field at start-up. */
  model_list: modelListSchema.default([]),
  router_settings: routerSettingsSchema.default({}),
  litellm_settings: litellmSettingsSchema.default({}),
  general_settings: generalSettingsSchema.default({}),
  environment_variables: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).default({}),
});

export type ProxyConfig = z.infer<typeof proxyConfigSchema>;
