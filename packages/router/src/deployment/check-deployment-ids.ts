import type { ModelListEntry } from '../config/model-list-schema.js';
import type { RouterConfigIssue } from '../config/router-config-error.js';
import { deploymentIdOf } from './deployment-id.js';

/** A `model_list` entry's deployment id: its `model_info.id`, else the hash of its group and params. */
export function deploymentIdOfEntry(entry: ModelListEntry): string {
  return entry.model_info?.id ?? deploymentIdOf({ modelName: entry.model_name, litellmParams: entry.litellm_params });
}

/**
 * Two entries with one deployment id would share cooldowns and counters by accident. An explicit `model_info.id`
 * repeated is named at that field; the same entry twice (same group and params, no id) at the entry.
 */
export function checkDeploymentIds(modelList: readonly ModelListEntry[]): RouterConfigIssue[] {
  const firstIndexById = new Map<string, number>();
  const issues: RouterConfigIssue[] = [];
  modelList.forEach((entry, index) => {
    const id = deploymentIdOfEntry(entry);
    const earlier = firstIndexById.get(id);
    if (earlier === undefined) {
      firstIndexById.set(id, index);
    } else if (entry.model_info?.id !== undefined && entry.model_info.id !== null) {
      issues.push({ path: `model_list[${index}].model_info.id`, message: `duplicate deployment id ${JSON.stringify(id)} (also model_list[${earlier}])` });
    } else {
      issues.push({
        path: `model_list[${index}]`,
        message: `same model_name and litellm_params as model_list[${earlier}] (one deployment twice); give each a distinct model_info.id to keep both`,
      });
    }
  });
  return issues;
}
