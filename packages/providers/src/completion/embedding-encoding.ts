import { BadRequestError, type EmbeddingRequest, type EmbeddingResponse } from '@tollgate/core';

/** A vector as OpenAI's `encoding_format: "base64"` sends it: little-endian float32 values, base64-encoded. */
export function encodeFloat32Base64(vector: readonly number[]): string {
  const bytes = Buffer.alloc(vector.length * 4);
  vector.forEach((value, index) => bytes.writeFloatLE(value, index * 4));
  return bytes.toString('base64');
}

/** The vector of a base64 (little-endian float32) embedding. */
export function decodeFloat32Base64(encoded: string): number[] {
  const bytes = Buffer.from(encoded, 'base64');
  const vector: number[] = [];
  for (let offset = 0; offset + 4 <= bytes.length; offset += 4) vector.push(bytes.readFloatLE(offset));
  return vector;
}

function dimensionsOf(embedding: readonly number[] | string): number {
  return typeof embedding === 'string' ? Math.floor(Buffer.from(embedding, 'base64').length / 4) : embedding.length;
}

/**
 * The embeddings in the encoding the client asked for, whatever the provider sent: floats encoded to base64 when
 * the client asked for base64 (the Node `openai` SDK's default, which otherwise decodes floats as base64 into wrong
 * vectors), base64 decoded to floats when it asked for floats. A `dimensions` the provider did not honour is refused
 * (400 naming `dimensions`) rather than answered with vectors of another size.
 */
export function asRequestedEmbeddings(response: EmbeddingResponse, request: EmbeddingRequest, provider: string): EmbeddingResponse {
  const wanted = request.dimensions;
  if (wanted != null) {
    const other = response.data.find((item) => dimensionsOf(item.embedding) !== wanted);
    if (other) {
      throw new BadRequestError(
        `${provider} does not support 'dimensions' for this model: it returned ${dimensionsOf(other.embedding)}-dimensional embeddings, not ${wanted}. Leave 'dimensions' out.`,
        { param: 'dimensions', provider },
      );
    }
  }
  const base64 = request.encoding_format === 'base64';
  if (response.data.every((item) => typeof item.embedding === 'string') === base64) return response;
  return {
    ...response,
    data: response.data.map((item) => {
      if (base64 && typeof item.embedding !== 'string') return { ...item, embedding: encodeFloat32Base64(item.embedding) };
      if (!base64 && typeof item.embedding === 'string') return { ...item, embedding: decodeFloat32Base64(item.embedding) };
      return item;
    }),
  };
}
