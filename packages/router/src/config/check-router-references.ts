import type { RouterConfigIssue } from './router-config-error.js';
import type { FallbackList, RouterSettings } from './router-settings-schema.js';

/**
 * Checks that every alias and fallback names a model group (or an alias, for fallbacks), so a typo is caught at
 * start-up instead of when a deployment first fails. Returns the problems by path; empty when all is well.
 */
export function checkRouterReferences(settings: RouterSettings, groups: ReadonlySet<string>): RouterConfigIssue[] {
  const issues: RouterConfigIssue[] = [];
  const aliases = new Set(Object.keys(settings.model_group_alias ?? {}));
  for (const [alias, target] of Object.entries(settings.model_group_alias ?? {})) {
    const path = `router_settings.model_group_alias.${alias}`;
    const group = typeof target === 'string' ? target : target.model;
    if (groups.has(alias)) {
      issues.push({ path, message: `'${alias}' is already a model group; an alias cannot shadow it` });
    }
    if (!groups.has(group)) issues.push({ path, message: `unknown model group '${group}'` });
  }
  const known = (name: string): boolean => groups.has(name) || aliases.has(name);
  const checkList = (key: string, list: FallbackList | undefined): void => {
    (list ?? []).forEach((entry, index) => {
      for (const [group, targets] of Object.entries(entry)) {
        const path = `router_settings.${key}[${index}].${group}`;
        if (!known(group)) issues.push({ path, message: `unknown model group '${group}'` });
        targets.forEach((target, targetIndex) => {
          if (!known(target)) {
            issues.push({ path: `${path}[${targetIndex}]`, message: `unknown model group '${target}'` });
          }
        });
      }
    });
  };
  checkList('fallbacks', settings.fallbacks);
  checkList('context_window_fallbacks', settings.context_window_fallbacks);
  checkList('content_policy_fallbacks', settings.content_policy_fallbacks);
  (settings.default_fallbacks ?? []).forEach((target, index) => {
    if (!known(target)) {
      issues.push({ path: `router_settings.default_fallbacks[${index}]`, message: `unknown model group '${target}'` });
    }
  });
  return issues;
}
