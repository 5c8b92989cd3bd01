import { followAbort, TimeoutError } from '@tollgate/core';
import type { Deployment } from '../deployment/deployment.js';
import type { RouterContext } from '../router-context.js';
import { PeekedStream } from '../runtime/peeked-stream.js';
import { raceAbort } from '../runtime/race-abort.js';
import type { DeploymentCall, DeploymentCallPayload, DeploymentResponse } from './deployment-call.js';
import { RoutedStream, type ProviderStream } from './routed-stream.js';

/** One call to one deployment. */
export interface AttemptRequest {
  deployment: Deployment;
  /** What to send; the attempt adds the signal and time limit. */
  payload: DeploymentCallPayload;
  stream: boolean;
  /** The caller's signal, if any. */
  signal: AbortSignal | undefined;
  /** Overrides the deployment's and the router's time limit. */
  timeoutMs: number | undefined;
}

/**
 * Calls a deployment once, keeping its in-flight count, usage and latency in the state store. The time limit
 * covers the whole call, or for a stream the wait for its first chunk; that first chunk is read here, so a stream
 * that fails before producing anything fails the attempt (and can fail over) while a stream that started is
 * handed to the caller as is. Rejects with a TimeoutError when the limit passes, or the caller's abort reason.
 */
export async function attemptDeployment(context: RouterContext, request: AttemptRequest): Promise<DeploymentResponse> {
  const { deployment } = request;
  const timeoutMs = request.timeoutMs ?? timeLimitMs(context, deployment, request.stream);
  const startedMs = context.clock.now();
  await context.store.startRequest(deployment.id, { nowMs: startedMs });

  const timeout = new AbortController();
  const timer = setTimeout(() => {
    timeout.abort(
      new TimeoutError(`Deployment of '${deployment.modelGroup}' did not answer within ${timeoutMs} ms`, {
        model: deployment.litellmParams.model,
      }),
    );
  }, timeoutMs);
  // The attempt's signal: the caller's abort or the time limit. A started stream keeps following the caller.
  const unlink = followAbort(request.signal, timeout);
  const signal = timeout.signal;
  const call: DeploymentCall = { ...request.payload, deployment, signal, timeoutMs };

  try {
    const response = await raceAbort(context.callDeployment(call), signal);
    const result = request.stream
      ? await startStream(context, { deployment, stream: response as ProviderStream<unknown>, signal, startedMs, unlink })
      : await finishResponse(context, { deployment, response, startedMs });
    clearTimeout(timer);
    if (!request.stream) unlink();
    return result;
  } catch (error) {
    clearTimeout(timer);
    unlink();
    const timedOut = timeout.signal.aborted && !request.signal?.aborted;
    await context.store.endRequest(deployment.id, {
      nowMs: context.clock.now(),
      // A timeout is a latency measurement too: latency-based routing should steer away from it.
      latency: timedOut ? { kind: request.stream ? 'first-chunk' : 'response', latencyMs: timeoutMs } : undefined,
    });
    throw error;
  }
}

/** Records a finished non-streamed call. */
async function finishResponse(
  context: RouterContext,
  options: { deployment: Deployment; response: DeploymentResponse; startedMs: number },
): Promise<DeploymentResponse> {
  const nowMs = context.clock.now();
  // The call succeeded (and was paid for): failing to record statistics must not turn it into an error.
  await context.store
    .endRequest(options.deployment.id, {
      nowMs,
      tokens: totalTokensOf(options.response),
      latency: { kind: 'response', latencyMs: nowMs - options.startedMs },
    })
    .catch(() => undefined);
  return options.response;
}

/**
 * Reads a stream's first chunk (within the attempt's time limit, through `signal`) and wraps the stream so that
 * its end records the call: tokens from the usage chunk or the providers' metadata, and the time to first chunk.
 */
async function startStream(
  context: RouterContext,
  options: { deployment: Deployment; stream: ProviderStream<unknown>; signal: AbortSignal; startedMs: number; unlink: () => void },
): Promise<DeploymentResponse> {
  const { deployment, stream } = options;
  const source = stream[Symbol.asyncIterator]();
  let first: IteratorResult<unknown>;
  try {
    first = await raceAbort(source.next(), options.signal);
  } catch (error) {
    void Promise.resolve(source.return?.()).catch(() => undefined);
    throw error;
  }
  const firstChunkMs = context.clock.now() - options.startedMs;
  let tokens: number | undefined;
  const chunks = new PeekedStream(first, source, {
    onItem: (chunk) => {
      tokens = totalTokensOf(chunk) ?? tokens;
    },
    onFinish: () => {
      options.unlink();
      void context.store
        .endRequest(deployment.id, {
          nowMs: context.clock.now(),
          // Without `include_usage` no chunk carries usage; the providers' metadata still has it (maybe estimated).
          tokens: tokens ?? (stream.tollgate ? totalTokensOf(stream.tollgate) : undefined),
          latency: { kind: 'first-chunk', latencyMs: firstChunkMs },
        })
        .catch(() => undefined);
    },
  });
  return new RoutedStream(chunks, stream) as DeploymentResponse;
}

function timeLimitMs(context: RouterContext, deployment: Deployment, stream: boolean): number {
  const params = deployment.litellmParams;
  if (stream) {
    const seconds = params.stream_timeout ?? params.timeout;
    return seconds != null ? seconds * 1000 : context.policy.streamTimeoutMs;
  }
  return params.timeout != null ? params.timeout * 1000 : context.policy.timeoutMs;
}

function totalTokensOf(response: unknown): number | undefined {
  const usage = (response as { usage?: { total_tokens?: unknown } | null }).usage;
  return typeof usage?.total_tokens === 'number' ? usage.total_tokens : undefined;
}
