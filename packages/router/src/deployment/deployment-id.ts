import { createHash } from 'node:crypto';
import type { LitellmParams } from '../config/litellm-params-schema.js';
import { canonicalJson } from './canonical-json.js';

/**
 * A deployment's id when `model_info.id` is not set: the SHA-256 of its group and `litellm_params`, so the same
 * configuration gets the same id on every proxy and after every restart (cooldowns shared through Redis and
 * `x-litellm-model-id` values stay meaningful). The group is included because two groups may share params.
 * Computed once, when the router is built.
 */
export function deploymentIdOf(options: { modelName: string; litellmParams: LitellmParams }): string {
  return createHash('sha256')
    .update(canonicalJson({ model_name: options.modelName, litellm_params: options.litellmParams }))
    .digest('hex');
}
