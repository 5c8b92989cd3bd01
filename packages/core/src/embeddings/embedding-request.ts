import { z } from 'zod';

/**
 * The body of `POST /v1/embeddings`. The same rule as chat requests: standard params are checked strictly, and
 * unknown top-level keys are provider-specific params kept in the parsed object and forwarded (e.g. Cohere's
 * `input_type`).
 */
export const embeddingRequestSchema = z.looseObject({
  /** Model to use: `provider/model` or a bare name the catalogue knows. */
  model: z.string().min(1),
  /** What to embed: one string, several strings, one token array, or several token arrays. */
  input: z.union([
    z.string(),
    z.array(z.string()).min(1),
    z.array(z.number().int().nonnegative()).min(1),
    z.array(z.array(z.number().int().nonnegative()).min(1)).min(1),
  ]),
  /** `float` (arrays of numbers, the default) or `base64` (little-endian float32 bytes). */
  encoding_format: z.enum(['float', 'base64']).nullish(),
  /** Output dimensions, for models that can shorten their vectors. */
  dimensions: z.number().int().positive().nullish(),
  /** Stable id of the end user, for abuse monitoring and spend attribution. */
  user: z.string().nullish(),
});

/** A validated embedding request; provider-specific params appear as extra keys of type `unknown`. */
export type EmbeddingRequest = z.infer<typeof embeddingRequestSchema>;
