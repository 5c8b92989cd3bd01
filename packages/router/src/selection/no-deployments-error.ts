import { BadRequestError, ContextWindowExceededError, RateLimitError, type TollgateError } from '@tollgate/core';

/** Why each deployment of a group was unavailable. */
export interface Unavailability {
  group: string;
  deploymentCount: number;
  /** Epoch ms at which each cooling deployment becomes available again. */
  coolingUntilMs: number[];
  /** Deployments at their `max_parallel_requests`. */
  atCapacity: number;
  /** Deployments the routing strategy refused (over rpm/tpm), and seconds until it accepts again. */
  refusedByStrategy: number;
  secondsUntilStrategyAccepts: number | undefined;
  /** Deployments whose context window the prompt exceeds, with the prompt's size and the largest window. */
  tooLong: number;
  promptTokens: number | undefined;
  largestContextWindow: number | undefined;
}

/** No deployment of the group runs in the caller's region: a 400 (retrying cannot help), naming `model`. */
export function noDeploymentInRegionError(group: string, region: string): TollgateError {
  return new BadRequestError(`No deployment of model group '${group}' runs in region '${region}', the only region this caller's requests may go to (allowed_model_region).`, {
    param: 'model',
    code: 'no_deployment_in_region',
    model: group,
  });
}

/**
 * The error when no deployment of a group can take a request. If the prompt fits no deployment, it is a
 * ContextWindowExceededError (so context-window fallbacks apply, as in LiteLLM). Otherwise it is a 429 in
 * LiteLLM's wording, with `retryAfterSeconds` set to when the first deployment frees up.
 */
export function noDeploymentsError(unavailability: Unavailability, nowMs: number): TollgateError {
  const { group, deploymentCount } = unavailability;
  if (unavailability.tooLong === deploymentCount) {
    return new ContextWindowExceededError(
      `The prompt (${unavailability.promptTokens ?? '?'} tokens) exceeds the context window of every deployment of ` +
        `model group '${group}' (largest: ${unavailability.largestContextWindow ?? '?'} tokens).`,
      { param: 'messages', model: group },
    );
  }
  const waits: number[] = unavailability.coolingUntilMs.map((untilMs) => Math.ceil((untilMs - nowMs) / 1000));
  if (unavailability.atCapacity > 0) waits.push(1);
  if (unavailability.secondsUntilStrategyAccepts !== undefined && unavailability.refusedByStrategy > 0) {
    waits.push(unavailability.secondsUntilStrategyAccepts);
  }
  const retryAfterSeconds = Math.max(1, Math.min(...waits));
  const reasons = [
    unavailability.coolingUntilMs.length > 0 ? `${unavailability.coolingUntilMs.length} cooling down` : undefined,
    unavailability.atCapacity > 0 ? `${unavailability.atCapacity} at max_parallel_requests` : undefined,
    unavailability.refusedByStrategy > 0 ? `${unavailability.refusedByStrategy} at their rpm/tpm limit` : undefined,
    unavailability.tooLong > 0 ? `${unavailability.tooLong} with too small a context window` : undefined,
  ].filter((reason) => reason !== undefined);
  return new RateLimitError(
    `No deployments available for selected model, Try again in ${retryAfterSeconds} seconds. Passed model=${group}. ` +
      `Of ${deploymentCount} deployment(s): ${reasons.join(', ')}.`,
    { model: group, retryAfterSeconds },
  );
}
