import type { RouterCatalogue } from '../catalogue/router-catalogue.js';
import type { ModelListEntry } from '../config/model-list-schema.js';
import { RouterConfigError, type RouterConfigIssue } from '../config/router-config-error.js';
import type { Deployment } from './deployment.js';
import { deploymentIdOf } from './deployment-id.js';

/**
 * Turns a validated `model_list` into model groups (name → deployments, in configuration order). Two entries with
 * the same id (an explicit `model_info.id` repeated, or the same entry twice) are a configuration error: their
 * cooldowns and counters would be shared by accident.
 */
export function buildDeployments(options: {
  modelList: readonly ModelListEntry[];
  catalogue: RouterCatalogue;
}): Map<string, Deployment[]> {
  const groups = new Map<string, Deployment[]>();
  const firstIndexById = new Map<string, number>();
  const issues: RouterConfigIssue[] = [];
  options.modelList.forEach((entry, index) => {
    const deployment = toDeployment(entry, options.catalogue);
    const earlier = firstIndexById.get(deployment.id);
    if (earlier !== undefined) {
      issues.push({
        path: `model_list[${index}]`,
        message: `duplicate deployment id '${deployment.id}' (also model_list[${earlier}]); set model_info.id`,
      });
      return;
    }
    firstIndexById.set(deployment.id, index);
    const group = groups.get(deployment.modelGroup) ?? [];
    group.push(deployment);
    groups.set(deployment.modelGroup, group);
  });
  if (issues.length > 0) throw new RouterConfigError(issues);
  return groups;
}

function toDeployment(entry: ModelListEntry, catalogue: RouterCatalogue): Deployment {
  const params = entry.litellm_params;
  const info = entry.model_info ?? {};
  const facts =
    (info.base_model ? catalogue.lookupModel(info.base_model) : undefined) ?? catalogue.lookupModel(params.model) ?? {};
  return {
    id: info.id ?? deploymentIdOf({ modelName: entry.model_name, litellmParams: params }),
    modelGroup: entry.model_name,
    litellmParams: params,
    modelInfo: info,
    order: params.order ?? Number.POSITIVE_INFINITY,
    maxInputTokens: info.max_input_tokens ?? info.max_tokens ?? facts.maxInputTokens,
    inputCostPerToken: info.input_cost_per_token ?? facts.inputCostPerToken,
    outputCostPerToken: info.output_cost_per_token ?? facts.outputCostPerToken,
  };
}
