import type { DeploymentState, LatencySample } from './deployment-state.js';
import { EMPTY_DEPLOYMENT_STATE } from './deployment-state.js';
import type { RequestOutcome, RouterStateStore } from './router-state-store.js';

const MINUTE_MS = 60_000;
const DEFAULT_LATENCY_SAMPLE_LIMIT = 10;
const DEFAULT_MAX_RECORDS = 10_000;

interface MutableState {
  cooldownUntilMs: number | undefined;
  inFlight: number;
  minute: number;
  requestsThisMinute: number;
  tokensThisMinute: number;
  failuresThisMinute: number;
  responseLatencies: LatencySample[];
  firstChunkLatencies: LatencySample[];
}

/**
 * RouterStateStore for one process. Memory is bounded: one record per deployment, each keeping at most
 * `latencySampleLimit` samples per kind. Counters of the current minute reset when a new minute starts. Wildcard
 * routes make a deployment per model name a client sends, so past `maxRecords` records the oldest idle ones (no
 * request in flight, no cooldown running) are dropped: a dropped deployment starts again from an empty state.
 */
export class InMemoryRouterStateStore implements RouterStateStore {
  private readonly states = new Map<string, MutableState>();
  private readonly latencySampleLimit: number;
  private readonly maxRecords: number;

  constructor(options: { latencySampleLimit?: number; maxRecords?: number } = {}) {
    this.latencySampleLimit = options.latencySampleLimit ?? DEFAULT_LATENCY_SAMPLE_LIMIT;
    this.maxRecords = options.maxRecords ?? DEFAULT_MAX_RECORDS;
  }

  /** Records held (for tests). */
  get size(): number {
    return this.states.size;
  }

  async getStates(deploymentIds: readonly string[], options: { nowMs: number }): Promise<Map<string, DeploymentState>> {
    const result = new Map<string, DeploymentState>();
    for (const id of deploymentIds) {
      const state = this.states.get(id);
      result.set(id, state ? this.snapshot(state, options.nowMs) : EMPTY_DEPLOYMENT_STATE);
    }
    return result;
  }

  async startRequest(deploymentId: string, options: { nowMs: number }): Promise<void> {
    const state = this.current(deploymentId, options.nowMs);
    state.inFlight += 1;
    state.requestsThisMinute += 1;
  }

  async endRequest(deploymentId: string, outcome: RequestOutcome): Promise<void> {
    const state = this.current(deploymentId, outcome.nowMs);
    state.inFlight = Math.max(0, state.inFlight - 1);
    if (outcome.tokens !== undefined) state.tokensThisMinute += outcome.tokens;
    if (outcome.latency) {
      const samples = outcome.latency.kind === 'response' ? state.responseLatencies : state.firstChunkLatencies;
      samples.push({ latencyMs: outcome.latency.latencyMs, atMs: outcome.nowMs });
      if (samples.length > this.latencySampleLimit) samples.shift();
    }
  }

  async recordFailure(deploymentId: string, options: { nowMs: number }): Promise<number> {
    const state = this.current(deploymentId, options.nowMs);
    state.failuresThisMinute += 1;
    return state.failuresThisMinute;
  }

  async setCooldown(deploymentId: string, options: { untilMs: number }): Promise<void> {
    const state = this.current(deploymentId, undefined);
    state.cooldownUntilMs = Math.max(state.cooldownUntilMs ?? 0, options.untilMs);
  }

  /** The record of a deployment, with the minute's counters reset when `nowMs` is in a later minute. */
  private current(deploymentId: string, nowMs: number | undefined): MutableState {
    let state = this.states.get(deploymentId);
    if (!state) {
      state = {
        cooldownUntilMs: undefined,
        inFlight: 0,
        minute: nowMs === undefined ? 0 : minuteOf(nowMs),
        requestsThisMinute: 0,
        tokensThisMinute: 0,
        failuresThisMinute: 0,
        responseLatencies: [],
        firstChunkLatencies: [],
      };
      if (this.states.size >= this.maxRecords) this.dropIdle(nowMs);
      this.states.set(deploymentId, state);
    }
    if (nowMs !== undefined && minuteOf(nowMs) !== state.minute) {
      state.minute = minuteOf(nowMs);
      state.requestsThisMinute = 0;
      state.tokensThisMinute = 0;
      state.failuresThisMinute = 0;
    }
    return state;
  }

  /** Drops idle records, oldest first, until a tenth of `maxRecords` is free (busy ones stay: they are bounded by concurrency). */
  private dropIdle(nowMs: number | undefined): void {
    const target = Math.floor(this.maxRecords * 0.9);
    for (const [id, state] of this.states) {
      if (this.states.size <= target) return;
      const coolingDown = state.cooldownUntilMs !== undefined && (nowMs === undefined || state.cooldownUntilMs > nowMs);
      if (state.inFlight === 0 && !coolingDown) this.states.delete(id);
    }
  }

  private snapshot(state: MutableState, nowMs: number): DeploymentState {
    const sameMinute = minuteOf(nowMs) === state.minute;
    return {
      cooldownUntilMs:
        state.cooldownUntilMs !== undefined && state.cooldownUntilMs > nowMs ? state.cooldownUntilMs : undefined,
      inFlight: state.inFlight,
      requestsThisMinute: sameMinute ? state.requestsThisMinute : 0,
      tokensThisMinute: sameMinute ? state.tokensThisMinute : 0,
      responseLatencies: [...state.responseLatencies],
      firstChunkLatencies: [...state.firstChunkLatencies],
    };
  }
}

function minuteOf(nowMs: number): number {
  return Math.floor(nowMs / MINUTE_MS);
}
