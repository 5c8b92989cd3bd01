import { checkDeploymentIds } from '../deployment/check-deployment-ids.js';
import { checkRouterReferences } from './check-router-references.js';
import type { ModelListEntry } from './model-list-schema.js';
import type { RouterConfigIssue } from './router-config-error.js';
import type { RouterSettings } from './router-settings-schema.js';

/**
 * The checks across entries that a schema cannot make (duplicate deployment ids, aliases and fallbacks naming no
 * model group), for a config already validated with `modelListSchema` and `routerSettingsSchema`. Lets a config
 * loader report them at load time, by path, before it builds a Router (whose constructor throws the same issues).
 */
export function checkRouterConfig(options: { modelList: readonly ModelListEntry[]; routerSettings: RouterSettings }): RouterConfigIssue[] {
  const groups = new Set(options.modelList.map((entry) => entry.model_name));
  return [...checkDeploymentIds(options.modelList), ...checkRouterReferences(options.routerSettings, groups)];
}
