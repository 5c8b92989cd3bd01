import type { MockRawBehaviour } from '../behaviour/mock-behaviour.js';
import type { RecordedRequest } from '../http/recorded-request.js';
import { startMockUpstream } from '../start-mock-upstream.js';
import { splitBytes, type BodySplit } from './split-bytes.js';

/** One scripted answer, replayed byte for byte whatever the request's path. */
export interface ScriptedResponse {
  readonly status?: number;
  readonly headers?: Readonly<Record<string, string>>;
  /** Body bytes or text (a recorded fixture, a malformed body). */
  readonly body?: string | Buffer;
  /** How to cut the body into writes (one event-loop turn, or `pieceDelayMs`, between two). Default whole. */
  readonly split?: BodySplit;
  /** Waits before sending the status line (to provoke timeouts). */
  readonly delayMs?: number;
  /** Waits between body pieces. */
  readonly pieceDelayMs?: number;
  /** Closes the socket after this many body pieces, without finishing the response (a mid-stream disconnect). */
  readonly destroyAfterPieces?: number;
}

/** A fake upstream that answers with scripted responses, in order, and records every request. */
export interface ReplayServer {
  /** `http://127.0.0.1:<port>` */
  readonly url: string;
  readonly requests: readonly RecordedRequest[];
  /** Queues answers; each request takes the next one (a 599 "unscripted request" answer when none is left). */
  enqueue(...responses: ScriptedResponse[]): void;
  close(): Promise<void>;
}

const UNSCRIPTED: MockRawBehaviour = { reply: 'raw', status: 599, body: '{"error":{"message":"unscripted request"}}' };

/** The raw behaviour that replays a scripted response. */
function replayBehaviour(scripted: ScriptedResponse): MockRawBehaviour {
  const body = Buffer.isBuffer(scripted.body) ? scripted.body : Buffer.from(scripted.body ?? '', 'utf8');
  return {
    reply: 'raw',
    status: scripted.status ?? 200,
    body: splitBytes(body, scripted.split),
    headers: scripted.headers,
    delayMs: scripted.delayMs ?? 0,
    chunkDelayMs: scripted.pieceDelayMs ?? 0,
    disconnectAfterChunks: scripted.destroyAfterPieces,
  };
}

/** Starts the fake upstream in replay mode on a free local port: every request gets the next scripted response. */
export async function startReplayServer(): Promise<ReplayServer> {
  const upstream = await startMockUpstream({ mode: 'replay', behaviour: UNSCRIPTED });
  return {
    url: upstream.url,
    get requests() {
      return upstream.requests;
    },
    enqueue: (...responses) => upstream.enqueue(...responses.map(replayBehaviour)),
    close: () => upstream.close(),
  };
}
