import type { RouterCatalogue } from '../catalogue/router-catalogue.js';
import type { ModelListEntry } from '../config/model-list-schema.js';
import { RouterConfigError } from '../config/router-config-error.js';
import { checkDeploymentIds, deploymentIdOfEntry } from './check-deployment-ids.js';
import type { Deployment } from './deployment.js';

/**
 * Turns a validated `model_list` into model groups (name → deployments, in configuration order). Two entries with
 * the same id are a configuration error (`checkDeploymentIds`): their cooldowns and counters would be shared by
 * accident.
 */
export function buildDeployments(options: {
  modelList: readonly ModelListEntry[];
  catalogue: RouterCatalogue;
}): Map<string, Deployment[]> {
  const issues = checkDeploymentIds(options.modelList);
  if (issues.length > 0) throw new RouterConfigError(issues);
  const groups = new Map<string, Deployment[]>();
  for (const entry of options.modelList) {
    const deployment = toDeployment(entry, options.catalogue);
    const group = groups.get(deployment.modelGroup) ?? [];
    group.push(deployment);
    groups.set(deployment.modelGroup, group);
  }
  return groups;
}

function toDeployment(entry: ModelListEntry, catalogue: RouterCatalogue): Deployment {
  const params = entry.litellm_params;
  const info = entry.model_info ?? {};
  const facts =
    (info.base_model ? catalogue.lookupModel(info.base_model) : undefined) ?? catalogue.lookupModel(params.model) ?? {};
  return {
    id: deploymentIdOfEntry(entry),
    modelGroup: entry.model_name,
    litellmParams: params,
    modelInfo: info,
    order: params.order ?? Number.POSITIVE_INFINITY,
    maxInputTokens: info.max_input_tokens ?? info.max_tokens ?? facts.maxInputTokens,
    inputCostPerToken: info.input_cost_per_token ?? facts.inputCostPerToken,
    outputCostPerToken: info.output_cost_per_token ?? facts.outputCostPerToken,
  };
}
