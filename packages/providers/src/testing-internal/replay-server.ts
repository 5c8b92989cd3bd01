import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request the replay server received. */
export interface RecordedRequest {
  readonly method: string;
  /** Path and query string. */
  readonly url: string;
  /** Headers, names in lower case. */
  readonly headers: Readonly<Record<string, string>>;
  /** The raw body text. */
  readonly bodyText: string;
  /** The body parsed as JSON (undefined when it is not JSON). */
  readonly body: unknown;
}

/** One scripted answer. */
export interface ScriptedResponse {
  readonly status?: number;
  readonly headers?: Readonly<Record<string, string>>;
  /** Body bytes or text. */
  readonly body?: string | Buffer;
  /** How to cut the body into writes: whole (default), at these byte offsets, or at random offsets (seeded). */
  readonly split?: 'whole' | readonly number[] | { readonly randomSeed: number; readonly maxPieceBytes?: number };
  /** Waits before sending the status line (to provoke timeouts). */
  readonly delayMs?: number;
  /** Waits between body pieces. */
  readonly pieceDelayMs?: number;
  /** Closes the socket after this many body pieces, without finishing the response (a mid-stream disconnect). */
  readonly destroyAfterPieces?: number;
}

/** A local HTTP server that answers with scripted responses, in order, and records every request. */
export interface ReplayServer {
  /** `http://127.0.0.1:<port>` */
  readonly url: string;
  readonly requests: RecordedRequest[];
  /** Queues answers; each request takes the next one (a 599 "unscripted" answer when none is left). */
  enqueue(...responses: ScriptedResponse[]): void;
  close(): Promise<void>;
}

/** A deterministic pseudo-random generator (mulberry32), so a failing split is reproducible from its seed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

/** Cuts bytes at random offsets (pieces of 1..maxPieceBytes bytes), mid-line and mid-UTF-8 included. */
export function splitAtRandom(bytes: Buffer, seed: number, maxPieceBytes = 64): Buffer[] {
  const random = seededRandom(seed);
  const pieces: Buffer[] = [];
  for (let start = 0; start < bytes.length; ) {
    const size = 1 + Math.floor(random() * maxPieceBytes);
    pieces.push(bytes.subarray(start, start + size));
    start += size;
  }
  return pieces;
}

function piecesOf(body: Buffer, split: ScriptedResponse['split']): Buffer[] {
  if (split === undefined || split === 'whole') return [body];
  if (Array.isArray(split)) {
    const offsets = [0, ...(split as readonly number[]), body.length];
    return offsets.slice(1).map((end, index) => body.subarray(offsets[index], end));
  }
  const random = split as { randomSeed: number; maxPieceBytes?: number };
  return splitAtRandom(body, random.randomSeed, random.maxPieceBytes);
}

// Unref'd, so a scripted delay still running when a test ends never holds the process open.
const sleep = (delayMs: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, delayMs).unref());

async function readBody(request: IncomingMessage): Promise<string> {
  const parts: Buffer[] = [];
  for await (const part of request) parts.push(part as Buffer);
  return Buffer.concat(parts).toString('utf8');
}

async function answer(response: ServerResponse, scripted: ScriptedResponse): Promise<void> {
  if (scripted.delayMs) await sleep(scripted.delayMs);
  if (response.destroyed) return;
  const body = Buffer.isBuffer(scripted.body) ? scripted.body : Buffer.from(scripted.body ?? '', 'utf8');
  response.writeHead(scripted.status ?? 200, { ...scripted.headers });
  const pieces = piecesOf(body, scripted.split);
  for (const [index, piece] of pieces.entries()) {
    if (scripted.destroyAfterPieces !== undefined && index >= scripted.destroyAfterPieces) {
      response.socket?.destroy();
      return;
    }
    response.write(piece);
    // A tick (or the scripted delay) between writes lets them leave as separate TCP segments.
    await (scripted.pieceDelayMs ? sleep(scripted.pieceDelayMs) : new Promise((resolve) => setImmediate(resolve)));
    if (response.destroyed) return;
  }
  response.end();
}

/** Starts a replay server on a free local port. */
export async function startReplayServer(): Promise<ReplayServer> {
  const queue: ScriptedResponse[] = [];
  const requests: RecordedRequest[] = [];
  const server: Server = createServer((request, response) => {
    void (async () => {
      const bodyText = await readBody(request);
      let body: unknown;
      try {
        body = bodyText ? JSON.parse(bodyText) : undefined;
      } catch {
        body = undefined;
      }
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(request.headers)) {
        if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
      }
      requests.push({ method: request.method ?? '', url: request.url ?? '', headers, bodyText, body });
      const scripted = queue.shift() ?? { status: 599, body: '{"error":{"message":"unscripted request"}}' };
      await answer(response, scripted);
    })().catch(() => response.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    enqueue: (...responses) => queue.push(...responses),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
