import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { embeddingResponseSchema } from './embedding-response.js';

const floatBody = JSON.parse(
  readFileSync(join(__dirname, '__fixtures__', 'response-float.json'), 'utf8'),
) as Record<string, unknown>;

describe('embeddingResponseSchema', () => {
  it('round-trips a float response', () => {
    const parsed = embeddingResponseSchema.parse(floatBody);
    expect(parsed).toEqual(floatBody);
    expect(parsed.data.map((item) => item.index)).toEqual([0, 1]);
    expect(parsed.usage.prompt_tokens).toBe(9);
  });

  it('accepts base64 vectors and decodes to the same floats', () => {
    const vector = new Float32Array([0.5, -0.25, 1]);
    const base64 = Buffer.from(vector.buffer).toString('base64');
    const body = {
      object: 'list',
      data: [{ object: 'embedding', index: 0, embedding: base64 }],
      model: 'text-embedding-3-small',
      usage: { prompt_tokens: 2, total_tokens: 2 },
    };
    const embedding = embeddingResponseSchema.parse(body).data[0]?.embedding;
    expect(typeof embedding).toBe('string');
    const bytes = Buffer.from(embedding as string, 'base64');
    expect(Array.from(new Float32Array(bytes.buffer, bytes.byteOffset, bytes.length / 4))).toEqual([0.5, -0.25, 1]);
  });

  it('rejects a response without usage or with a non-numeric vector', () => {
    expect(embeddingResponseSchema.safeParse({ ...floatBody, usage: undefined }).success).toBe(false);
    const badVector = { ...floatBody, data: [{ object: 'embedding', index: 0, embedding: [0.1, 'x'] }] };
    expect(embeddingResponseSchema.safeParse(badVector).error?.issues[0]?.path).toEqual(['data', 0, 'embedding']);
  });
});
