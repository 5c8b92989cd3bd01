import { embedding } from '../index.js';
import { jsonReply } from '../testing-internal/fixtures.js';
import { startReplayServer, type ReplayServer } from '@tollgate/testing';
import { decodeFloat32Base64, encodeFloat32Base64 } from './embedding-encoding.js';

const COHERE_FIXTURES = `${__dirname}/../adapters/cohere/__fixtures__`;
const float32 = (values: number[]) => Array.from(new Float32Array(values));

describe('embeddings in the encoding the client asked for', () => {
  it('base64 is little-endian float32, as OpenAI sends it', () => {
    expect(encodeFloat32Base64([1, -2.5])).toBe(Buffer.from([0, 0, 0x80, 0x3f, 0, 0, 0x20, 0xc0]).toString('base64'));
    expect(decodeFloat32Base64(encodeFloat32Base64([0.25, -1, 3]))).toEqual([0.25, -1, 3]);
  });

  it('the mock provider: base64 decodes to the float vectors, at the asked dimensions', async () => {
    const floats = await embedding({ model: 'mock/text-embedding-3-small', input: ['a', 'b'] });
    const encoded = await embedding({ model: 'mock/text-embedding-3-small', input: ['a', 'b'], encoding_format: 'base64' });
    expect(encoded.data.map((item) => typeof item.embedding)).toEqual(['string', 'string']);
    expect(encoded.data.map((item) => decodeFloat32Base64(item.embedding as string))).toEqual(floats.data.map((item) => float32(item.embedding as number[])));
    const small = await embedding({ model: 'mock/text-embedding-3-small', input: 'a', dimensions: 4, encoding_format: 'base64' });
    expect(decodeFloat32Base64(small.data[0]!.embedding as string)).toHaveLength(4);
  });

  describe('a provider that returns floats (Cohere)', () => {
    let server: ReplayServer;
    beforeEach(async () => {
      server = await startReplayServer();
    });
    afterEach(async () => {
      await server.close();
    });

    it('encodes them to base64 when asked, and passes dimensions as Cohere names it', async () => {
      server.enqueue(jsonReply(COHERE_FIXTURES, 'embeddings.json'));
      const result = await embedding(
        { model: 'cohere/embed-v4.0', input: ['first text', 'second text'], encoding_format: 'base64', dimensions: 3 },
        { apiKey: 'co-test', apiBase: server.url },
      );
      expect(server.requests[0]?.body).toMatchObject({ output_dimension: 3 });
      expect(server.requests[0]?.body).not.toHaveProperty('encoding_format');
      expect(result.data.map((item) => decodeFloat32Base64(item.embedding as string))).toEqual([float32([0.011, -0.022, 0.033]), float32([-0.044, 0.055, -0.066])]);
    });

    it('refuses, naming dimensions, when the provider did not honour it', async () => {
      server.enqueue(jsonReply(COHERE_FIXTURES, 'embeddings.json'));
      await expect(
        embedding({ model: 'cohere/embed-v4.0', input: ['first text', 'second text'], dimensions: 256 }, { apiKey: 'co-test', apiBase: server.url }),
      ).rejects.toMatchObject({ status: 400, param: 'dimensions', message: expect.stringContaining('3-dimensional') });
    });
  });
});
