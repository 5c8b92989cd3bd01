import { Router as ExpressRouter } from 'express';
import type { Router } from '@tollgate/router';
import { authOf } from '../auth/authenticate-request.js';
import { NotFoundError } from '@tollgate/core';
import { allowedModelGroups } from '../gateway/model-access.js';
import { modelGroupInfo } from './model-group-info.js';

const REDACTED_PARAMS = new Set(['api_key', 'aws_secret_access_key', 'aws_access_key_id', 'vertex_credentials']);

/**
 * `GET /models` and `/models/{id}` (what the caller's key may use), `GET /model/info` (deployments, secrets
 * redacted) and `GET /model_group/info` (each group's aggregated limits, prices and capabilities).
 */
export function createModelsRoutes(router: Router): ExpressRouter {
  const routes = ExpressRouter();
  const created = Math.floor(Date.now() / 1000);
  routes.get(['/models', '/v1/models'], (request, response) => {
    const groups = allowedModelGroups(authOf(response), router);
    // LiteLLM's `only_model_access_groups=True`: the access groups (`model_info.access_groups`) instead of models.
    const flag = request.query['only_model_access_groups'];
    const onlyAccessGroups = typeof flag === 'string' && flag.toLowerCase() === 'true';
    const ids = onlyAccessGroups ? accessGroupsOf(groups, router) : groups;
    response.json({ object: 'list', data: ids.map((id) => ({ id, object: 'model', created, owned_by: 'tollgate' })) });
  });
  // `/v1/models/{id}`: ids may contain slashes (`openai/gpt-4o`), so the id is the rest of the path.
  routes.get(/^\/(?:v1\/)?models\/(.+)$/, (request, response) => {
    const id = decodeURIComponent(request.path.replace(/^\/(?:v1\/)?models\//, ''));
    if (!allowedModelGroups(authOf(response), router).includes(id)) {
      throw new NotFoundError(`The model '${id}' does not exist or you do not have access to it.`, { param: 'model', code: 'model_not_found', type: 'invalid_request_error' });
    }
    response.json({ id, object: 'model', created, owned_by: 'tollgate' });
  });
  routes.get(['/model_group/info', '/v1/model_group/info'], (request, response) => {
    const only = typeof request.query['model_group'] === 'string' ? request.query['model_group'] : undefined;
    const groups = allowedModelGroups(authOf(response), router).filter((group) => only === undefined || group === only);
    response.json({ data: groups.map((group) => modelGroupInfo(group, router.getDeployments(group))) });
  });
  routes.get(['/model/info', '/v1/model/info', '/v2/model/info'], (_request, response) => {
    const data = allowedModelGroups(authOf(response), router).flatMap((group) =>
      router.getDeployments(group).map((deployment) => ({
        model_name: group,
        litellm_params: Object.fromEntries(
          Object.entries(deployment.litellmParams).filter(([field]) => !REDACTED_PARAMS.has(field)),
        ),
        model_info: {
          ...deployment.modelInfo,
          id: deployment.id,
          max_input_tokens: deployment.maxInputTokens ?? null,
          input_cost_per_token: deployment.inputCostPerToken ?? null,
          output_cost_per_token: deployment.outputCostPerToken ?? null,
        },
      })),
    );
    response.json({ data });
  });
  return routes;
}

/** The access groups of the deployments of the given model groups, in first-seen order. */
function accessGroupsOf(groups: readonly string[], router: Router): string[] {
  const found = new Set<string>();
  for (const group of groups) {
    for (const deployment of router.getDeployments(group)) for (const name of deployment.modelInfo.access_groups ?? []) found.add(name);
  }
  return [...found];
}
