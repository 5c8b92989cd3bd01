import type { Deployment } from '../deployment/deployment.js';
import type { RouterContext } from '../router-context.js';
import type { RouteRequest } from './route-request.js';

/**
 * Counts a chat request's prompt tokens for a deployment's model, lazily and once per model (deployments of one
 * group often share a model, and most requests never need a count). Undefined for embeddings and when counting
 * fails (an unknown tokenizer must not fail the request; the check is then skipped).
 */
export function promptTokenCounter(
  context: RouterContext,
  request: RouteRequest,
): (deployment: Deployment) => number | undefined {
  const counts = new Map<string, number | undefined>();
  return (deployment) => {
    if (request.kind !== 'completion') return undefined;
    const model = deployment.modelInfo.base_model ?? deployment.litellmParams.model;
    if (!counts.has(model)) {
      let count: number | undefined;
      try {
        count = context.catalogue.countPromptTokens({ model, messages: request.params.messages });
      } catch {
        count = undefined;
      }
      counts.set(model, count);
    }
    return counts.get(model);
  };
}
