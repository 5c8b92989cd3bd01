import type { Router } from '@tollgate/router';

/** The provider a deployment's `litellm_params` name: `custom_llm_provider`, else the model's `provider/` prefix. */
function providerOf(params: { model: string; custom_llm_provider?: unknown }): string | undefined {
  if (typeof params.custom_llm_provider === 'string' && params.custom_llm_provider !== '') return params.custom_llm_provider;
  const slash = params.model.indexOf('/');
  if (slash !== -1) return params.model.slice(0, slash);
  return params.model.startsWith('claude-') ? 'anthropic' : undefined;
}

/**
 * Whether every deployment of a model group is Anthropic's own API, so that a Messages request may keep the fields
 * only Anthropic reads (`thinking` as sent, `top_k`). A group that may fall to another provider gets the portable
 * form instead, which every provider accepts.
 */
export function servesAnthropicNatively(router: Router, modelGroup: string): boolean {
  const deployments = router.getDeployments(modelGroup);
  return deployments.length > 0 && deployments.every((deployment) => providerOf(deployment.litellmParams) === 'anthropic');
}
