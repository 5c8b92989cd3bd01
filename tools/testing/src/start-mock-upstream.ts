import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { BehaviourSource } from './behaviour/behaviour-source.js';
import type { MockBehaviour, MockBehaviourFunction } from './behaviour/mock-behaviour.js';
import { createRequestHandler } from './http/handle-request.js';
import { IdSource } from './http/id-source.js';
import type { MockServerState } from './http/mock-server-state.js';
import { emptyStats, resetStats, type MockStats } from './http/mock-stats.js';
import type { RecordedRequest } from './http/recorded-request.js';
import type { MockUpstreamOptions } from './mock-upstream-options.js';
import { DEFAULT_MODELS } from './models/model-list-bodies.js';

/** A running mock upstream. */
export interface MockUpstream {
  /** Origin, e.g. `http://127.0.0.1:41234`. OpenAI clients use `${url}/v1`, Anthropic `url`, Gemini `${url}/v1beta`. */
  readonly url: string;
  /** The port it listens on. */
  readonly port: number;
  /** Requests received so far, oldest first (the live array; empty when recording is off). */
  readonly requests: readonly RecordedRequest[];
  /** Sets the behaviour used when the queue is empty (a fixed one or a per-request function); `undefined` restores the default. */
  setBehaviour(behaviour: MockBehaviour | MockBehaviourFunction | undefined): void;
  /** Queues behaviours answered one per request, in order (e.g. a 429, then success). */
  enqueue(...behaviours: MockBehaviour[]): void;
  /** Clears recorded requests, the queue and counters, and restores the starting behaviour. */
  reset(): void;
  /** A copy of the counters served at `GET /__stats`. */
  stats(): MockStats;
  /** Stops listening and cuts open connections (keep-alive ones included). */
  close(): Promise<void>;
}

/**
 * Starts a local server that speaks the OpenAI, Anthropic and Gemini wire formats (chat, streaming, tools,
 * embeddings, models) on 127.0.0.1, on a free port unless told otherwise.
 */
export async function startMockUpstream(options: MockUpstreamOptions = {}): Promise<MockUpstream> {
  const completionTokens = options.completionTokens ?? 32;
  const behaviours = new BehaviourSource({ fallback: { reply: 'text', completionTokens }, initial: options.behaviour });
  const state: MockServerState = {
    behaviours,
    ids: new IdSource(),
    stats: emptyStats(),
    requests: [],
    settings: {
      mode: options.mode ?? 'dialects',
      completionTokens,
      delayMs: options.delayMs ?? 0,
      chunkDelayMs: options.chunkDelayMs ?? 0,
      requireApiKey: options.requireApiKey,
      recordRequests: options.recordRequests ?? true,
      maxRecordedRequests: options.maxRecordedRequests ?? 1000,
      models: options.models ?? DEFAULT_MODELS,
    },
    reset() {
      state.requests.length = 0;
      behaviours.reset();
      resetStats(state.stats);
    },
  };
  const server = createServer({ keepAliveTimeout: 65_000 }, createRequestHandler(state));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${host}:${address.port}`,
    port: address.port,
    get requests() {
      return state.requests;
    },
    setBehaviour: (behaviour) => behaviours.set(behaviour),
    enqueue: (...queued) => behaviours.enqueue(queued),
    reset: () => state.reset(),
    stats: () => ({ ...state.stats, byRoute: { ...state.stats.byRoute } }),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
