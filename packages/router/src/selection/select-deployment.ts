import type { Deployment } from '../deployment/deployment.js';
import type { RouterContext } from '../router-context.js';
import type { Candidate, PickContext } from '../strategies/routing-strategy.js';
import { regionOfDeployment, type ModelRegion } from '../deployment/deployment-region.js';
import { noDeploymentInRegionError, noDeploymentsError, type Unavailability } from './no-deployments-error.js';

/** The deployment chosen for an attempt. */
export interface Selection {
  deployment: Deployment;
  /** It already failed during this request (every untried one is unavailable): a retry of the same deployment. */
  alreadyFailed: boolean;
}

/** One selection's inputs. */
export interface SelectionRequest {
  group: string;
  /** Deployments that failed earlier in this request; untried ones are preferred. */
  failedIds: ReadonlySet<string>;
  /** May a deployment that already failed be chosen again when no untried one is available. */
  allowFailed: boolean;
  stream: boolean;
  /** Only deployments in this region are eligible. */
  allowedRegion?: ModelRegion;
  /** Prompt tokens of the request for a deployment's model (undefined when not countable, e.g. embeddings). */
  promptTokensOf: (deployment: Deployment) => number | undefined;
}

/**
 * Chooses a deployment of a group: drops those cooling down, at `max_parallel_requests`, too small for the prompt
 * (with pre-call checks) or refused by the strategy; prefers ones that have not failed in this request; keeps the
 * lowest `order` tier that has any left; and lets the strategy pick within it. Returns undefined when only
 * already-failed deployments remain and `allowFailed` is false; throws (429, or context window exceeded) when
 * none is available at all.
 */
export async function selectDeployment(
  context: RouterContext,
  request: SelectionRequest,
): Promise<Selection | undefined> {
  const inGroup = context.groups.get(request.group) ?? [];
  const deployments = request.allowedRegion === undefined ? inGroup : inGroup.filter((deployment) => regionOfDeployment(deployment) === request.allowedRegion);
  if (deployments.length === 0 && inGroup.length > 0) throw noDeploymentInRegionError(request.group, request.allowedRegion!);
  const nowMs = context.clock.now();
  const states = await context.store.getStates(
    deployments.map((deployment) => deployment.id),
    { nowMs },
  );
  const pickContext: PickContext = {
    nowMs,
    random: context.random,
    stream: request.stream,
    promptTokensOf: request.promptTokensOf,
  };
  const unavailability: Unavailability = {
    group: request.group,
    deploymentCount: deployments.length,
    coolingUntilMs: [],
    atCapacity: 0,
    refusedByStrategy: 0,
    secondsUntilStrategyAccepts: context.strategy.secondsUntilAccepting?.(pickContext),
    tooLong: 0,
    promptTokens: undefined,
    largestContextWindow: undefined,
  };
  const available: Candidate[] = [];
  for (const deployment of deployments) {
    const state = states.get(deployment.id);
    if (!state) continue;
    const candidate: Candidate = { deployment, state };
    if (state.cooldownUntilMs !== undefined) unavailability.coolingUntilMs.push(state.cooldownUntilMs);
    else if (isAtCapacity(candidate)) unavailability.atCapacity += 1;
    else if (context.policy.preCallChecks && isPromptTooLong(deployment, request, unavailability)) {
      unavailability.tooLong += 1;
    } else if (context.strategy.accepts && !context.strategy.accepts(candidate, pickContext)) {
      unavailability.refusedByStrategy += 1;
    } else available.push(candidate);
  }
  if (available.length === 0) throw noDeploymentsError(unavailability, nowMs);

  const untried = available.filter((candidate) => !request.failedIds.has(candidate.deployment.id));
  const pool = untried.length > 0 ? untried : request.allowFailed ? available : [];
  if (pool.length === 0) return undefined;
  const lowestOrder = Math.min(...pool.map((candidate) => candidate.deployment.order));
  const tier = pool.filter((candidate) => candidate.deployment.order === lowestOrder);
  const picked = context.strategy.pick(tier, pickContext);
  return { deployment: picked.deployment, alreadyFailed: request.failedIds.has(picked.deployment.id) };
}

function isAtCapacity(candidate: Candidate): boolean {
  const limit = candidate.deployment.litellmParams.max_parallel_requests;
  return limit != null && candidate.state.inFlight >= limit;
}

function isPromptTooLong(deployment: Deployment, request: SelectionRequest, unavailability: Unavailability): boolean {
  const window = deployment.maxInputTokens;
  if (window === undefined) return false;
  const tokens = request.promptTokensOf(deployment);
  if (tokens === undefined) return false;
  unavailability.promptTokens = tokens;
  unavailability.largestContextWindow = Math.max(unavailability.largestContextWindow ?? 0, window);
  return tokens > window;
}
