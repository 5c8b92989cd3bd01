import { AuthenticationError, BadRequestError } from '@tollgate/core';
import type { Router } from '@tollgate/router';
import type { AuthContext } from '../auth/auth-context.js';

const ALL_MODELS = new Set(['all-proxy-models', '*']);

/** Whether one allow-list entry admits a model group: its name, `provider/*`, an access group, or all models. */
function entryAllows(entry: string, group: string, router: Router): boolean {
  if (entry === group || ALL_MODELS.has(entry)) return true;
  const deployments = router.getDeployments(group);
  if (entry.endsWith('/*')) {
    const prefix = entry.slice(0, -1);
    return deployments.some((deployment) => deployment.litellmParams.model.startsWith(prefix));
  }
  return deployments.some((deployment) => {
    return deployment.modelInfo.access_groups?.includes(entry) === true;
  });
}

function listAllows(list: readonly string[], group: string, router: Router, teamList?: readonly string[]): boolean {
  if (list.length === 0) return true;
  return list.some((entry) =>
    entry === 'all-team-models' ? listAllows(teamList ?? [], group, router) : entryAllows(entry, group, router),
  );
}

/** The model groups a caller may use (for `/models` and error messages). */
export function allowedModelGroups(auth: AuthContext, router: Router): string[] {
  return router.getModelGroups().filter((group) => mayUse(auth, group, router));
}

function mayUse(auth: AuthContext, group: string, router: Router): boolean {
  if (auth.kind === 'master') return true;
  const teamModels = auth.team?.models ?? [];
  if (!listAllows(teamModels, group, router)) return false;
  if (auth.team === undefined && auth.user !== undefined && !listAllows(auth.user.models, group, router)) return false;
  return listAllows(auth.key.models, group, router, teamModels);
}

/**
 * Resolves the `model` a caller sent to the model group to route (key and team aliases first, then the router's
 * own aliases) and checks the caller may use it: an unknown model is a 400 listing what the key may use; a known
 * one outside the key's or team's allow-list is LiteLLM's 401 `key_model_access_denied`.
 */
export function resolveModelAccess(auth: AuthContext, requested: string, router: Router): string {
  let model = requested;
  if (auth.kind === 'virtual') model = auth.key.aliases[model] ?? auth.team?.modelAliases[model] ?? model;
  const group = router.hasModelGroup(model) ? router.resolveModelGroup(model) : undefined;
  if (group === undefined) {
    const allowed = allowedModelGroups(auth, router);
    throw new BadRequestError(
      `Invalid model name passed in model=${requested}. Call \`/v1/models\` to view available models for your key. Models this key may use: ${allowed.join(', ') || '(none)'}`,
      { param: 'model', code: '400', type: 'invalid_request_error' },
    );
  }
  if (!mayUse(auth, group, router)) {
    const allowed = auth.kind === 'virtual' ? auth.key.models : [];
    throw new AuthenticationError(
      `key not allowed to access model. This key can only access models=${JSON.stringify(allowed)}. Tried to access ${requested}`,
      { type: 'key_model_access_denied', param: 'model', code: '401' },
    );
  }
  return group;
}
