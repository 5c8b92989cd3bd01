import type { Router } from '@tollgate/router';
import type { ModelClient } from './model-client.js';
import { providersPricingModel } from './providers-pricing-model.js';
import { tollgateCallClient } from './tollgate-call-client.js';

/**
 * The model client that sends every call through a `Router` (`model` names a model group; retries, fallbacks and
 * cooldowns apply). For the cost cap, a group is priced as its dearest deployment (`model_info.base_model`, else
 * its `litellm_params.model`); fallback groups are not looked at.
 */
export function routerClient(router: Router): ModelClient {
  return tollgateCallClient(
    {
      complete: (request, signal) => router.completion({ ...request, stream: false }, signal ? { signal } : {}),
      stream: (request, signal) =>
        router.completion({ ...request, stream: true, stream_options: { include_usage: true } }, signal ? { signal } : {}),
    },
    (model) =>
      router
        .getDeployments(model)
        .map((deployment) => deployment.modelInfo.base_model ?? providersPricingModel(deployment.litellmParams.model)),
  );
}
