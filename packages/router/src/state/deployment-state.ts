/** One latency measurement of a deployment. */
export interface LatencySample {
  /** Milliseconds: the whole call for a non-streamed request, time to first chunk for a stream. */
  latencyMs: number;
  /** When it was measured (epoch ms), so strategies can ignore stale samples. */
  atMs: number;
}

/** What the router knows about one deployment right now. */
export interface DeploymentState {
  /** Epoch ms until which the deployment is skipped; undefined when it is not cooling down. */
  cooldownUntilMs: number | undefined;
  /** Calls started and not yet finished. */
  inFlight: number;
  /** Calls started in the current minute. */
  requestsThisMinute: number;
  /** Tokens used by calls that finished in the current minute. */
  tokensThisMinute: number;
  /** Recent whole-call latencies of non-streamed calls, oldest first. */
  responseLatencies: readonly LatencySample[];
  /** Recent times to first chunk of streamed calls, oldest first. */
  firstChunkLatencies: readonly LatencySample[];
}

/** The state of a deployment nothing has been recorded for. */
export const EMPTY_DEPLOYMENT_STATE: DeploymentState = Object.freeze({
  cooldownUntilMs: undefined,
  inFlight: 0,
  requestsThisMinute: 0,
  tokensThisMinute: 0,
  responseLatencies: Object.freeze([]),
  firstChunkLatencies: Object.freeze([]),
});
