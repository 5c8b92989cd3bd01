import type { RequestHandler } from 'express';
import { PermissionDeniedError, toTollgateError } from '@tollgate/core';
import { completion, embedding } from '@tollgate/providers';
import type { Router } from '@tollgate/router';
import { isProxyAdmin } from '../auth/auth-context.js';
import { authOf } from '../auth/authenticate-request.js';

const PROBE_TIMEOUT_MS = 10_000;

/**
 * `GET /health` (admins): one real, minimal call to every deployment, in parallel (LiteLLM's shape). Credentials
 * and secrets never appear in the answer: only the group, the provider model and the api base.
 */
export function createHealthProbeHandler(router: Router): RequestHandler {
  return async (_request, response) => {
    if (!isProxyAdmin(authOf(response))) throw new PermissionDeniedError('Only proxy admins may probe deployments', { code: '403' });
    // Wildcard routes (`openai/*`) name no model to call until a request does: they are not probed.
    const deployments = router.getModelGroups().flatMap((group) => router.getDeployments(group)).filter((deployment) => !deployment.litellmParams.model.includes('*'));
    const results = await Promise.all(
      deployments.map(async (deployment) => {
        const params = deployment.litellmParams;
        const summary = { model: params.model, model_group: deployment.modelGroup, model_id: deployment.id, api_base: params.api_base ?? null };
        const options = {
          ...(params.api_key ? { apiKey: params.api_key } : {}),
          ...(params.api_base ? { apiBase: params.api_base } : {}),
          timeoutMs: PROBE_TIMEOUT_MS,
          numRetries: 0,
        };
        try {
          if (deployment.modelInfo.mode === 'embedding') await embedding({ model: params.model, input: 'ping' }, options);
          else await completion({ model: params.model, messages: [{ role: 'user', content: 'ping' }], max_tokens: 1 }, options);
          return { healthy: true, entry: summary };
        } catch (error) {
          return { healthy: false, entry: { ...summary, error: toTollgateError(error).message } };
        }
      }),
    );
    const healthy = results.filter((result) => result.healthy).map((result) => result.entry);
    const unhealthy = results.filter((result) => !result.healthy).map((result) => result.entry);
    response.json({ healthy_endpoints: healthy, unhealthy_endpoints: unhealthy, healthy_count: healthy.length, unhealthy_count: unhealthy.length });
  };
}
