import { request } from 'node:http';
import { startReplayServer, type ReplayServer } from './start-replay-server.js';
import { splitAtRandom, splitBytes } from './split-bytes.js';

/** Sends a request and collects the answer piece by piece as the client received it; `error` when it was cut. */
function send(url: string, options: { method?: string; body?: string } = {}) {
  return new Promise<{ status: number; headers: Record<string, unknown>; pieces: Buffer[]; error?: Error }>((resolve) => {
    const outgoing = request(url, { method: options.method ?? 'POST' }, (incoming) => {
      const pieces: Buffer[] = [];
      incoming.on('data', (piece: Buffer) => pieces.push(piece));
      incoming.on('end', () => resolve({ status: incoming.statusCode ?? 0, headers: incoming.headers, pieces }));
      incoming.on('error', (error) => resolve({ status: incoming.statusCode ?? 0, headers: incoming.headers, pieces, error }));
    });
    outgoing.on('error', (error) => resolve({ status: 0, headers: {}, pieces: [], error }));
    outgoing.end(options.body);
  });
}

describe('startReplayServer', () => {
  let server: ReplayServer;
  beforeEach(async () => {
    server = await startReplayServer();
  });
  afterEach(() => server.close());

  it('answers any method and path with the next scripted response, and records the request as sent', async () => {
    server.enqueue({ status: 201, headers: { 'content-type': 'application/x-ndjson', 'x-extra': '1' }, body: '{"a":1}\n' });
    const answer = await send(`${server.url}/api/chat?x=1`, { body: '{"model":"llama3"}' });
    expect(answer.status).toBe(201);
    expect(answer.headers).toMatchObject({ 'content-type': 'application/x-ndjson', 'x-extra': '1' });
    expect(Buffer.concat(answer.pieces).toString()).toBe('{"a":1}\n');
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]).toMatchObject({ method: 'POST', url: '/api/chat?x=1', path: '/api/chat', bodyText: '{"model":"llama3"}', body: { model: 'llama3' } });
  });

  it('answers 599 "unscripted request" when the script has run out, on the paths the mock itself owns too', async () => {
    for (const [method, path] of [['POST', '/v1/chat/completions'], ['GET', '/health'], ['GET', '/v1/models']] as const) {
      const answer = await send(`${server.url}${path}`, { method });
      expect([answer.status, Buffer.concat(answer.pieces).toString()]).toEqual([599, '{"error":{"message":"unscripted request"}}']);
    }
    expect(server.requests.map((recorded) => recorded.path)).toEqual(['/v1/chat/completions', '/health', '/v1/models']);
  });

  it('sends the pieces of a split body as separate writes, bytes unchanged', async () => {
    const body = 'data: {"é":"ü"}\n\n'.repeat(20);
    server.enqueue({ body, split: { randomSeed: 3, maxPieceBytes: 7 } });
    const answer = await send(server.url);
    expect(Buffer.concat(answer.pieces).toString()).toBe(body);
    expect(answer.pieces.length).toBeGreaterThan(1);
  });

  it('cuts the connection after `destroyAfterPieces` pieces, mid-body', async () => {
    server.enqueue({ body: 'first|second|third', split: [6, 13], destroyAfterPieces: 2 });
    const answer = await send(server.url);
    expect(answer.error).toBeDefined();
    expect(Buffer.concat(answer.pieces).toString()).toBe('first|second|');
  });
});

describe('splitBytes', () => {
  const bytes = Buffer.from('0123456789');
  it('keeps the body whole, cuts at offsets, or at seeded random offsets that always rejoin to the body', () => {
    expect(splitBytes(bytes, undefined).map(String)).toEqual(['0123456789']);
    expect(splitBytes(bytes, [2, 5]).map(String)).toEqual(['01', '234', '56789']);
    const random = splitBytes(bytes, { randomSeed: 9, maxPieceBytes: 3 });
    expect(Buffer.concat(random).toString()).toBe('0123456789');
    expect(random.every((piece) => piece.length >= 1 && piece.length <= 3)).toBe(true);
    expect(random.map(String)).toEqual(splitAtRandom(bytes, 9, 3).map(String));
    expect(splitAtRandom(bytes, 10, 3).map(String)).not.toEqual(random.map(String));
  });
});
