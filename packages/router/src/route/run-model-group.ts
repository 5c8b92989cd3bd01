import { attemptDeployment } from '../call/attempt-deployment.js';
import type { DeploymentCallPayload, DeploymentResponse } from '../call/deployment-call.js';
import { addsRequestParams, toDeploymentParams } from '../call/to-deployment-params.js';
import type { Deployment } from '../deployment/deployment.js';
import { classifyFailure, type FailureFacts } from '../policy/classify-failure.js';
import { recordDeploymentFailure } from '../policy/record-deployment-failure.js';
import { retryDelayMs } from '../policy/retry-delay.js';
import type { RouterContext } from '../router-context.js';
import { selectDeployment } from '../selection/select-deployment.js';
import { promptTokenCounter } from './prompt-token-counter.js';
import type { AttemptTracker, RouteRequest } from './route-request.js';

/** A retry is not worth waiting longer than this; the request moves on to its fallbacks instead. */
const MAX_RETRY_WAIT_MS = 60_000;

/** A successful call and the deployment that made it. */
export interface GroupSuccess {
  response: DeploymentResponse;
  deployment: Deployment;
}

/** Thrown out of a group's run when it failed: the error to report and what kind of failure it was. */
export class GroupFailure extends Error {
  constructor(
    readonly error: unknown,
    readonly failure: FailureFacts,
  ) {
    super('model group failed');
  }
}

/**
 * Serves a request from one model group: a first attempt and up to `numRetries` retries, each on a deployment
 * chosen afresh (untried ones first, so a failing deployment is retried only when no other is available, and only
 * then after a backoff). Faults of the request and local failures end the run at once; a deployment-specific fault (401/403/404) is
 * never retried on the same deployment. Rejects with a GroupFailure carrying the last error, or with the caller's
 * abort reason.
 */
export async function runModelGroup(
  context: RouterContext,
  options: { request: RouteRequest; group: string; tracker: AttemptTracker },
): Promise<GroupSuccess> {
  const { request, group, tracker } = options;
  const groupSize = context.groups.get(group)?.length ?? 0;
  const promptTokensOf = promptTokenCounter(context, request);
  const failedIds = new Set<string>();
  let last: GroupFailure | undefined;

  for (let attempt = 0; attempt <= request.numRetries; attempt += 1) {
    let selection;
    try {
      selection = await selectDeployment(context, {
        group,
        failedIds,
        allowFailed: last?.failure.kind === 'transient',
        stream: request.stream,
        allowedRegion: request.allowedRegion,
        promptTokensOf,
      });
    } catch (error) {
      // Nothing available: after a real failure, that failure is the better explanation.
      throw last ?? new GroupFailure(error, classifyFailure(error));
    }
    if (!selection) throw last as GroupFailure;
    if (attempt > 0) {
      tracker.retries += 1;
      if (selection.alreadyFailed && last) {
        const delayMs = retryDelayMs({
          retryIndex: attempt - 1,
          failure: last.failure,
          minimumMs: context.policy.retryAfterMs,
          random: context.random,
        });
        if (delayMs > MAX_RETRY_WAIT_MS) throw last;
        await context.clock.sleep(delayMs, request.signal);
      }
    }
    const { deployment } = selection;
    try {
      const response = await attemptDeployment(context, {
        deployment,
        payload: payloadFor(request, deployment),
        stream: request.stream,
        signal: request.signal,
        timeoutMs: request.timeoutMs,
      });
      return { response, deployment };
    } catch (error) {
      if (request.signal?.aborted) throw request.signal.reason;
      const failure = classifyFailure(error);
      // With the caller's own credentials, a failure says nothing about the deployment as configured for others.
      if (request.credentials === undefined) await recordDeploymentFailure(context, { deployment, failure, groupSize });
      failedIds.add(deployment.id);
      last = new GroupFailure(error, failure);
      if (failure.kind === 'caller' || failure.kind === 'local') throw last;
    }
  }
  throw last as GroupFailure;
}

function payloadFor(request: RouteRequest, deployment: Deployment): DeploymentCallPayload {
  if (request.kind === 'completion') {
    return {
      kind: 'completion',
      params: toDeploymentParams(deployment, request.params),
      requestValidated: request.requestValidated && !addsRequestParams(deployment),
      credentials: request.credentials,
    };
  }
  if (request.kind === 'responses') return { kind: 'responses', params: toDeploymentParams(deployment, request.params), credentials: request.credentials };
  return { kind: 'embedding', params: toDeploymentParams(deployment, request.params), credentials: request.credentials };
}
