import { ROUTING_LITELLM_PARAMS } from '../config/litellm-params-schema.js';
import type { Deployment } from '../deployment/deployment.js';

/** `litellm_params` keys that are settings of the router or the proxy, not params of the provider call. */
const NOT_REQUEST_PARAMS: ReadonlySet<string> = new Set([
  ...ROUTING_LITELLM_PARAMS,
  'tags',
  'max_budget',
  'budget_duration',
  'input_cost_per_token',
  'output_cost_per_token',
  'mock_response',
  'extra_headers',
]);

/** Whether the deployment's `litellm_params` add request params (defaults) beyond its model and credentials. */
export function addsRequestParams(deployment: Deployment): boolean {
  for (const [key, value] of Object.entries(deployment.litellmParams)) {
    if (!NOT_REQUEST_PARAMS.has(key) && value !== undefined && value !== null) return true;
  }
  return false;
}

/**
 * The params sent to a deployment: the deployment's extra `litellm_params` (e.g. a default `temperature`) as
 * defaults, the caller's params over them, and `model` replaced by the deployment's `provider/model`.
 */
export function toDeploymentParams<Params extends { model: string }>(deployment: Deployment, params: Params): Params {
  const defaults: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(deployment.litellmParams)) {
    if (!NOT_REQUEST_PARAMS.has(key) && value !== undefined && value !== null) defaults[key] = value;
  }
  return { ...defaults, ...params, model: deployment.litellmParams.model };
}
