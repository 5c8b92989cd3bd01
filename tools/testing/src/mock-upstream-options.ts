import type { MockBehaviour, MockBehaviourFunction } from './behaviour/mock-behaviour.js';

/** Options of `startMockUpstream` (all optional). */
export interface MockUpstreamOptions {
  /**
   * `dialects` (default): the provider endpoints, model lists, auth checks and the mock's own `/__stats`, `/health`.
   * `replay`: every request, whatever its method and path, is recorded and answered by the chosen behaviour alone
   * (what a scripted test of a client wants: a `raw` behaviour replays a recorded payload on any path).
   */
  mode?: 'dialects' | 'replay';
  /** Port to listen on; 0 (default) picks a free one. */
  port?: number;
  /** Interface to bind; default `127.0.0.1`. */
  host?: string;
  /** Tokens of the default generated answer (one SSE frame each when streaming); default 32. */
  completionTokens?: number;
  /** Default delay before the first byte of every reply, in ms; default 0. */
  delayMs?: number;
  /** Default delay between SSE frames, in ms; default 0 (the whole stream in one write). */
  chunkDelayMs?: number;
  /** Behaviour (or per-request function) used when no header or queued behaviour applies. */
  behaviour?: MockBehaviour | MockBehaviourFunction;
  /** Reject requests without this exact key, with each provider's own auth error. */
  requireApiKey?: string;
  /** Keep `requests` (default true). Turn off for long benchmark runs. */
  recordRequests?: boolean;
  /** Most recent requests kept; default 1000. */
  maxRecordedRequests?: number;
  /** Model ids listed by the `/models` endpoints. */
  models?: readonly string[];
}
