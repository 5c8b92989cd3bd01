import type { Deployment } from '../deployment/deployment.js';
import type { RouterContext } from '../router-context.js';
import type { FailureFacts } from './classify-failure.js';

/** Statuses that cool a deployment down at once: rate-limited, bad credentials, unknown model, timed out. */
const IMMEDIATE_COOLDOWN_STATUSES: ReadonlySet<number> = new Set([401, 404, 408, 429]);

/**
 * Updates a deployment's health after a failed call. Only the upstream's faults count: a fault of the request
 * (400, 413, 422, ...) or a local failure (a bug, a body that broke serialisation) says nothing about the
 * deployment and is ignored. A 429, 401, 404 or timeout cools it down at once (for at least the provider's
 * `retry-after` on a 429); any other failure is counted, and the one after `allowed_fails` in a minute starts a
 * cooldown. A group's only deployment never cools down (as in LiteLLM): skipping it would only turn its errors
 * into "no deployments available", and retries with backoff serve it better.
 */
export async function recordDeploymentFailure(
  context: RouterContext,
  options: { deployment: Deployment; failure: FailureFacts; groupSize: number },
): Promise<void> {
  const { deployment, failure } = options;
  if (!countsAgainstDeployment(failure) || !context.policy.cooldownsEnabled || options.groupSize < 2) return;
  const nowMs = context.clock.now();
  const cooldownMs =
    deployment.litellmParams.cooldown_time != null
      ? deployment.litellmParams.cooldown_time * 1000
      : context.policy.cooldownMs;
  if (IMMEDIATE_COOLDOWN_STATUSES.has(failure.status)) {
    const retryAfterMs = failure.status === 429 ? (failure.retryAfterSeconds ?? 0) * 1000 : 0;
    await context.store.setCooldown(deployment.id, { untilMs: nowMs + Math.max(cooldownMs, retryAfterMs) });
    return;
  }
  const failuresThisMinute = await context.store.recordFailure(deployment.id, { nowMs });
  if (failuresThisMinute > context.policy.allowedFails) {
    await context.store.setCooldown(deployment.id, { untilMs: nowMs + cooldownMs });
  }
}

/** Whether a failure is the upstream's (or its configuration's), rather than the request's or this process's. */
function countsAgainstDeployment(failure: FailureFacts): boolean {
  return failure.kind === 'transient' || failure.kind === 'deployment';
}
