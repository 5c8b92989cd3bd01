/** Native sizes of well-known embedding models; others get {@link DEFAULT_DIMENSIONS} of their format. */
const NATIVE_DIMENSIONS: Readonly<Record<string, number>> = {
  'text-embedding-3-small': 1536,
  'text-embedding-3-large': 3072,
  'text-embedding-ada-002': 1536,
  'gemini-embedding-001': 3072,
  'text-embedding-004': 768,
  'embedding-001': 768,
};

/** Fallback size for unknown models. */
export const DEFAULT_DIMENSIONS = { openai: 1536, gemini: 768 } as const;

/** The vector size to return: the request's own (`dimensions` / `outputDimensionality`), else the model's. */
export function embeddingDimensions(options: { requested: unknown; model: string | undefined; fallback: number }): number {
  if (typeof options.requested === 'number' && Number.isInteger(options.requested) && options.requested > 0) {
    return options.requested;
  }
  const bareModel = options.model?.replace(/^models\//, '');
  return (bareModel === undefined ? undefined : NATIVE_DIMENSIONS[bareModel]) ?? options.fallback;
}
