import { z } from 'zod';

/** One model of `GET /v1/models`. */
export const modelSchema = z.looseObject({
  /** The name clients pass as `model`. */
  id: z.string(),
  /** Always `model`. */
  object: z.literal('model'),
  /** Unix time (seconds) the model was created or registered. */
  created: z.number().int(),
  /** Organisation or provider that owns it (e.g. `openai`). */
  owned_by: z.string(),
});

/** The response of `GET /v1/models`. */
export const modelListSchema = z.looseObject({
  /** Always `list`. */
  object: z.literal('list'),
  /** The models available to the caller. */
  data: z.array(modelSchema),
});

export type Model = z.infer<typeof modelSchema>;
export type ModelList = z.infer<typeof modelListSchema>;
