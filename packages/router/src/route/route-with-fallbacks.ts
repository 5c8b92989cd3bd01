import { BadRequestError } from '@tollgate/core';
import type { DeploymentResponse } from '../call/deployment-call.js';
import { fallbackGroupsFor } from '../policy/fallback-groups.js';
import { classifyFailure } from '../policy/classify-failure.js';
import type { RouterContext } from '../router-context.js';
import { attachRouterAttempts, attachRouterMetadata, type RouterAttempts } from '../router-metadata.js';
import type { AttemptTracker, RouteRequest } from './route-request.js';
import { GroupFailure, runModelGroup, type GroupSuccess } from './run-model-group.js';

/**
 * Routes a request: the requested group with its retries, then (unless disabled) its fallback groups in order,
 * each with its own retries. Resolves with the response, its metadata attached (see `routerMetadataOf`); rejects
 * with the first group's error, with the attempts attached (see `routerAttemptsOf`), or with the caller's abort
 * reason.
 */
export async function routeWithFallbacks(context: RouterContext, request: RouteRequest): Promise<DeploymentResponse> {
  const primaryGroup = resolveModelGroup(context, request.requestedModel);
  const tracker: AttemptTracker = { retries: 0, fallbacks: 0 };
  const attempts = (group: string): RouterAttempts => ({
    requestedModel: request.requestedModel,
    modelGroup: group,
    attemptedRetries: tracker.retries,
    attemptedFallbacks: tracker.fallbacks,
    maxFallbacks: context.policy.maxFallbacks,
  });
  const succeed = ({ response, deployment }: GroupSuccess): DeploymentResponse => {
    attachRouterMetadata(response, {
      ...attempts(deployment.modelGroup),
      modelId: deployment.id,
      model: deployment.litellmParams.model,
      apiBase: deployment.litellmParams.api_base ?? undefined,
    });
    return response;
  };

  let primaryFailure: GroupFailure;
  try {
    if (request.forcedFailure) throw new GroupFailure(request.forcedFailure, classifyFailure(request.forcedFailure));
    return succeed(await runModelGroup(context, { request, group: primaryGroup, tracker }));
  } catch (error) {
    if (!(error instanceof GroupFailure)) throw error;
    primaryFailure = error;
  }

  const fallbackGroups = request.disableFallbacks
    ? []
    : fallbackGroupsFor({
        policy: context.policy,
        groupNames: [request.requestedModel, primaryGroup],
        failure: primaryFailure.failure,
        requestFallbacks: request.requestFallbacks,
      });
  for (const fallback of fallbackGroups) {
    const group = context.aliases.get(fallback) ?? fallback;
    if (!context.groups.has(group)) continue;
    tracker.fallbacks += 1;
    try {
      return succeed(await runModelGroup(context, { request, group, tracker }));
    } catch (error) {
      if (!(error instanceof GroupFailure)) throw error;
    }
  }
  attachRouterAttempts(primaryFailure.error, attempts(primaryGroup));
  throw primaryFailure.error;
}

/** The model group a requested name stands for (itself, or an alias's target). */
export function resolveModelGroup(context: RouterContext, requestedModel: string): string {
  const group = context.aliases.get(requestedModel) ?? requestedModel;
  if (!context.groups.has(group)) {
    throw new BadRequestError(
      `Invalid model name passed in model=${requestedModel}. Call \`/v1/models\` to view available models.`,
      { param: 'model', code: 'model_not_found', model: requestedModel },
    );
  }
  return group;
}
