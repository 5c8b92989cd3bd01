import { z } from 'zod';
import { litellmParamsSchema } from './litellm-params-schema.js';
import { modelInfoSchema } from './model-info-schema.js';

/** One deployment: every entry with the same `model_name` belongs to one model group. */
export const modelListEntrySchema = z.strictObject({
  /** The model group: the name clients send as `model`. */
  model_name: z.string().min(1),
  /** How to call this deployment and its limits. */
  litellm_params: litellmParamsSchema,
  /** Facts about the deployment (id, context window, prices) that override the catalogue. */
  model_info: modelInfoSchema.nullish(),
});

/** LiteLLM's `model_list`. */
export const modelListSchema = z.array(modelListEntrySchema);

export type ModelListEntry = z.infer<typeof modelListEntrySchema>;
/** What a caller may pass as one entry (before defaults). */
export type ModelListEntryInput = z.input<typeof modelListEntrySchema>;
