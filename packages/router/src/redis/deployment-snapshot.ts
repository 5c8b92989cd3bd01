import type { DeploymentState, LatencySample } from '../state/deployment-state.js';
import type { RemoteDeploymentState } from './remote-state-from-replies.js';
import { minuteOf } from './router-state-keys.js';
import type { RouterWrite } from './router-write-journal.js';

/** A deployment's state as last read from Redis, kept to answer reads for a short while. */
export interface DeploymentSnapshot extends RemoteDeploymentState {
  /** Router time of the read (epoch ms). */
  readAtMs: number;
  /** The minute whose counters it holds. */
  minute: number;
  /** This proxy's writes on the deployment up to this number are in it (writes are numbered in order). */
  includedSeq: number;
}

export interface SnapshotOptions {
  /** Latency samples kept per kind (as in Redis). */
  latencySampleLimit: number;
}

/**
 * Adds one of this proxy's writes to a state in place, as Redis applies it. Sample lists are replaced, not changed,
 * so a state handed out earlier never changes under its reader.
 */
export function applyWrite(state: RemoteDeploymentState & { minute: number }, write: RouterWrite, options: SnapshotOptions): void {
  const sameMinute = minuteOf(write.nowMs) === state.minute;
  if (write.kind === 'start') {
    state.inFlight += 1;
    if (sameMinute) state.requestsThisMinute += 1;
    return;
  }
  if (write.member !== undefined) state.inFlight = Math.max(0, state.inFlight - 1);
  if (write.tokens !== undefined && sameMinute) state.tokensThisMinute += write.tokens;
  if (write.latency) {
    const sample = { latencyMs: write.latency.latencyMs, atMs: write.nowMs };
    const keep = (samples: LatencySample[]) => [...samples, sample].slice(-options.latencySampleLimit);
    if (write.latency.kind === 'response') state.responseLatencies = keep(state.responseLatencies);
    else state.firstChunkLatencies = keep(state.firstChunkLatencies);
  }
}

/** What a read answers at `nowMs`: the snapshot plus this proxy's writes it does not include yet. */
export function deploymentStateOf(
  snapshot: DeploymentSnapshot,
  writes: readonly RouterWrite[],
  options: SnapshotOptions & { nowMs: number },
): DeploymentState {
  let state: RemoteDeploymentState = snapshot;
  if (writes.length > 0) {
    const copy = { ...snapshot };
    for (const write of writes) applyWrite(copy, write, options);
    state = copy;
  }
  const { cooldownUntilMs } = state;
  return {
    cooldownUntilMs: cooldownUntilMs !== undefined && cooldownUntilMs > options.nowMs ? cooldownUntilMs : undefined,
    inFlight: state.inFlight,
    requestsThisMinute: state.requestsThisMinute,
    tokensThisMinute: state.tokensThisMinute,
    responseLatencies: state.responseLatencies,
    firstChunkLatencies: state.firstChunkLatencies,
  };
}
