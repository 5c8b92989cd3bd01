import { Router as ExpressRouter } from 'express';
import type { Router } from '@tollgate/router';
import { authOf } from '../auth/authenticate-request.js';
import { allowedModelGroups } from '../gateway/model-access.js';

const REDACTED_PARAMS = new Set(['api_key', 'aws_secret_access_key', 'aws_access_key_id', 'vertex_credentials']);

/** `GET /models` (what the caller's key may use) and `GET /model/info` (deployments, secrets redacted). */
export function createModelsRoutes(router: Router): ExpressRouter {
  const routes = ExpressRouter();
  const created = Math.floor(Date.now() / 1000);
  routes.get(['/models', '/v1/models'], (_request, response) => {
    const data = allowedModelGroups(authOf(response), router).map((id) => ({ id, object: 'model', created, owned_by: 'tollgate' }));
    response.json({ object: 'list', data });
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
