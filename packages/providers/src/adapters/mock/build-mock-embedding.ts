import { createHash } from 'node:crypto';
import type { EmbeddingRequest, EmbeddingResponse } from '@tollgate/core';
import type { AdapterCallContext } from '../../adapter/adapter-call-context.js';
import { estimateTokens } from './mock-usage.js';

const DEFAULT_DIMENSIONS = 16;

/** Deterministic unit vectors derived from each input's hash: equal inputs embed equally, offline. */
export function buildMockEmbedding(request: EmbeddingRequest, context: AdapterCallContext): EmbeddingResponse {
  const inputs = Array.isArray(request.input) ? request.input : [request.input];
  const texts = inputs.map((input) => (typeof input === 'string' ? input : JSON.stringify(input)));
  // A flat token array (number[]) is one input, not many.
  const items = texts.length > 0 && typeof inputs[0] === 'number' ? [JSON.stringify(inputs)] : texts;
  const dimensions = request.dimensions ?? DEFAULT_DIMENSIONS;
  const promptTokens = items.reduce((sum, text) => sum + estimateTokens(text), 0);
  return {
    object: 'list',
    data: items.map((text, index) => ({ object: 'embedding', index, embedding: hashVector(text, dimensions) })),
    model: context.model,
    usage: { prompt_tokens: promptTokens, total_tokens: promptTokens },
  };
}

function hashVector(text: string, dimensions: number): number[] {
  const values: number[] = [];
  for (let block = 0; values.length < dimensions; block++) {
    const digest = createHash('sha256').update(`${block}:${text}`).digest();
    for (let offset = 0; offset + 1 < digest.length && values.length < dimensions; offset += 2) {
      values.push(digest.readUInt16BE(offset) / 32767.5 - 1);
    }
  }
  const norm = Math.sqrt(values.reduce((sum, value) => sum + value * value, 0)) || 1;
  return values.map((value) => value / norm);
}
