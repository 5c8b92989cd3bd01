import { z } from 'zod';

/** One vector of an embedding response. */
export const embeddingSchema = z.looseObject({
  /** Always `embedding`. */
  object: z.literal('embedding'),
  /** The vector: numbers, or a base64 string of little-endian float32 values with `encoding_format: base64`. */
  embedding: z.union([z.array(z.number()), z.string()]),
  /** Position of the input this vector belongs to. */
  index: z.number().int().nonnegative(),
});

/** The response of `POST /v1/embeddings`. Tolerant: unknown fields are kept. */
export const embeddingResponseSchema = z.looseObject({
  /** Always `list`. */
  object: z.literal('list'),
  /** One vector per input, in input order. */
  data: z.array(embeddingSchema),
  /** The model that produced the vectors. */
  model: z.string(),
  /** Token counts; embeddings are priced by input tokens only. */
  usage: z.looseObject({
    /** Input tokens. */
    prompt_tokens: z.number().int().nonnegative(),
    /** Equal to `prompt_tokens` for embeddings. */
    total_tokens: z.number().int().nonnegative(),
  }),
});

export type Embedding = z.infer<typeof embeddingSchema>;
export type EmbeddingResponse = z.infer<typeof embeddingResponseSchema>;
