/** Vectors already computed, so a benchmark repeating one input pays for it once. Bounded: cleared when full. */
const cache = new Map<string, EmbeddingVector>();
const CACHE_LIMIT = 512;

/** A unit-length vector in both forms the APIs send. */
export interface EmbeddingVector {
  /** Float32 values rounded to 9 significant digits, so `Math.fround(values[i]) === float32[i]`. */
  values: readonly number[];
  /** `values` serialised, so a repeated input costs no JSON work. */
  valuesJson: string;
  /** The same vector as little-endian float32 in base64 (OpenAI `encoding_format: 'base64'`). */
  base64: string;
}

/**
 * A deterministic embedding of `text` (the same text and size always give the same vector): a PRNG seeded with the
 * text's FNV-1a hash fills the dimensions, then the vector is scaled to unit length as real embeddings are.
 */
export function embeddingVector(text: string, dimensions: number): EmbeddingVector {
  const key = `${dimensions}:${text}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const next = mulberry32(fnv1a(text));
  const raw = new Float64Array(dimensions);
  let sumOfSquares = 0;
  for (let index = 0; index < dimensions; index += 1) {
    const value = next() * 2 - 1;
    raw[index] = value;
    sumOfSquares += value * value;
  }
  const norm = Math.sqrt(sumOfSquares) || 1;
  const float32 = new Float32Array(dimensions);
  const values: number[] = new Array<number>(dimensions);
  for (let index = 0; index < dimensions; index += 1) {
    float32[index] = (raw[index] ?? 0) / norm;
    values[index] = Number((float32[index] ?? 0).toPrecision(9));
  }
  const vector = { values, valuesJson: JSON.stringify(values), base64: Buffer.from(float32.buffer).toString('base64') };
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, vector);
  return vector;
}

function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

function mulberry32(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let mixed = Math.imul(state ^ (state >>> 15), 1 | state);
    mixed = (mixed + Math.imul(mixed ^ (mixed >>> 7), 61 | mixed)) ^ mixed;
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
  };
}
