import type { BehaviourSource } from '../behaviour/behaviour-source.js';
import type { IdSource } from './id-source.js';
import type { MockStats } from './mock-stats.js';
import type { RecordedRequest } from './recorded-request.js';

/** Everything one server instance keeps between requests. */
export interface MockServerState {
  behaviours: BehaviourSource;
  ids: IdSource;
  stats: MockStats;
  requests: RecordedRequest[];
  settings: {
    mode: 'dialects' | 'replay';
    completionTokens: number;
    delayMs: number;
    chunkDelayMs: number;
    requireApiKey: string | undefined;
    recordRequests: boolean;
    maxRecordedRequests: number;
    models: readonly string[];
  };
  /** Clears recorded requests, queue, behaviour and counters (`reset()` and `POST /__reset`). */
  reset(): void;
}
