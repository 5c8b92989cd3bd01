import { customModelInfoSchema } from '@tollgate/pricing';
import { z } from 'zod';

const usdPerToken = z.number().nonnegative();
const tokens = z.number().int().positive();

/**
 * `model_info` of one `model_list` entry: the deployment's id and facts about the model that override the
 * catalogue — every price and limit field `@tollgate/pricing` reads (LiteLLM's names), typed. Free-form like
 * LiteLLM's: unknown keys are kept.
 */
export const modelInfoSchema = customModelInfoSchema.extend({
  /** The deployment id reported as `x-litellm-model-id`; a hash of `litellm_params` when absent. */
  id: z.string().min(1).nullish(),
  /** What the deployment serves: `chat`, `embedding`, `completion`, `image_generation`, ... */
  mode: z.string().min(1).nullish(),
  /** Catalogue model to price and size this deployment as (e.g. an Azure deployment of `gpt-4o`). */
  base_model: z.string().min(1).nullish(),
  /** Context window (legacy LiteLLM name; `max_input_tokens` wins when both are set). */
  max_tokens: tokens.nullish(),
  /** Prompt tokens the model accepts; used by pre-call checks. */
  max_input_tokens: tokens.nullish(),
  /** Output tokens the model can produce. */
  max_output_tokens: tokens.nullish(),
  /** USD per prompt token; overrides the catalogue for cost-based routing. */
  input_cost_per_token: usdPerToken.nullish(),
  /** USD per output token; overrides the catalogue for cost-based routing. */
  output_cost_per_token: usdPerToken.nullish(),
  /** Access groups that grant keys this model (used by the proxy's key checks). */
  access_groups: z.array(z.string().min(1)).nullish(),
});

export type ModelInfo = z.infer<typeof modelInfoSchema>;
