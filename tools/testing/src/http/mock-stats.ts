import type { MockRoute } from './recorded-request.js';

/**
 * Counters served at `GET /__stats` and by `stats()`. The names `total`, `chat`, `chatStream`, `embeddings`,
 * `models`, `errors`, `inflight` and `maxInflight` match the shared benchmark harness (`shared/bench/run.mjs`),
 * which compares them with the requests it sent.
 */
export interface MockStats {
  /** Requests received, except `/__stats` and `/health`. */
  total: number;
  /** Non-streamed chat requests (OpenAI, Anthropic or Gemini format). */
  chat: number;
  /** Streamed chat requests. */
  chatStream: number;
  /** Embedding requests (OpenAI, Gemini single or batch). */
  embeddings: number;
  /** Model listings and lookups. */
  models: number;
  /** Replies with a status of 400 or more. */
  errors: number;
  /** Connections cut on purpose (`disconnectAfterChunks`). */
  disconnects: number;
  /** Requests whose reply has not finished. */
  inflight: number;
  /** Most requests in flight at once since start, reset or `GET /__stats/reset-max` (checks a gateway's parallel limits). */
  maxInflight: number;
  /** Requests per endpoint. */
  byRoute: Partial<Record<MockRoute, number>>;
}

/** Fresh, zeroed counters. */
export function emptyStats(): MockStats {
  return { total: 0, chat: 0, chatStream: 0, embeddings: 0, models: 0, errors: 0, disconnects: 0, inflight: 0, maxInflight: 0, byRoute: {} };
}

/** Zeroes the counters in place, except `inflight`, which still describes open requests. */
export function resetStats(stats: MockStats): void {
  Object.assign(stats, { total: 0, chat: 0, chatStream: 0, embeddings: 0, models: 0, errors: 0, disconnects: 0, maxInflight: stats.inflight, byRoute: {} });
}

const KIND_COUNTERS: Partial<Record<MockRoute, 'embeddings' | 'models'>> = {
  'openai.embeddings': 'embeddings',
  'gemini.embed': 'embeddings',
  'gemini.batchEmbed': 'embeddings',
  'openai.models': 'models',
  'openai.model': 'models',
  'anthropic.models': 'models',
  'gemini.models': 'models',
};

/** Counts an arriving request by endpoint and kind. */
export function countArrival(stats: MockStats, route: MockRoute, stream: boolean): void {
  stats.total += 1;
  stats.byRoute[route] = (stats.byRoute[route] ?? 0) + 1;
  const kind = KIND_COUNTERS[route];
  if (kind) stats[kind] += 1;
  else if (route === 'openai.chat' || route === 'anthropic.messages' || route === 'gemini.generate' || route === 'gemini.stream') {
    if (stream) stats.chatStream += 1;
    else stats.chat += 1;
  }
}
