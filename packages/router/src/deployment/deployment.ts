import type { LitellmParams } from '../config/litellm-params-schema.js';
import type { ModelInfo } from '../config/model-info-schema.js';

/** One deployment of a model group, with everything routing needs computed once at construction. */
export interface Deployment {
  /** Stable id: `model_info.id`, else a hash of the group and `litellm_params`. */
  readonly id: string;
  /** The model group (`model_name`) it serves. */
  readonly modelGroup: string;
  /** Its `litellm_params` as configured. */
  readonly litellmParams: LitellmParams;
  /** Its `model_info` as configured (empty when absent). */
  readonly modelInfo: ModelInfo;
  /** Priority tier; deployments without one come after every ordered tier. */
  readonly order: number;
  /** Prompt tokens it accepts, from `model_info` or the catalogue; undefined when unknown. */
  readonly maxInputTokens: number | undefined;
  /** USD per prompt token, from `model_info` or the catalogue; undefined when unknown. */
  readonly inputCostPerToken: number | undefined;
  /** USD per output token, from `model_info` or the catalogue; undefined when unknown. */
  readonly outputCostPerToken: number | undefined;
}
