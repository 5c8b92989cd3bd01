import { BadRequestError } from '@tollgate/core';
import type { ManagementContext } from '../server/proxy-context.js';

/** LiteLLM's special allow-list entries. */
const SPECIAL_NAMES = new Set(['all-proxy-models', 'all-team-models', 'no-default-models', '*']);

const MAX_LISTED = 20;

function accessGroupsOf(context: ManagementContext): Set<string> {
  const groups = new Set<string>();
  for (const entry of context.config.model_list) {
    for (const group of entry.model_info?.access_groups ?? []) groups.add(group);
  }
  return groups;
}

/**
 * Refuses allow-list entries that can never match anything, so a typo in `models` is a 400 now rather than a key
 * that silently cannot call the model it was made for. Accepted: model groups the proxy serves, `provider/*`
 * wildcards, models a wildcard route serves, `model_info.access_groups`, LiteLLM's special names, and aliases
 * defined in the same request.
 */
export function checkModelNames(
  context: ManagementContext,
  models: readonly string[] | undefined,
  options: { param: string; aliases?: Record<string, string> },
): void {
  if (models === undefined || models.length === 0) return;
  const served = new Set(context.modelGroups());
  const accessGroups = accessGroupsOf(context);
  const aliases = options.aliases ?? {};
  models.forEach((model, index) => {
    if (served.has(model) || SPECIAL_NAMES.has(model) || model.endsWith('/*') || accessGroups.has(model) || model in aliases) return;
    if (context.servesModel?.(model) === true) return;
    const known = [...served].slice(0, MAX_LISTED).join(', ');
    throw new BadRequestError(
      `Unknown model '${model}' in ${options.param}: it is not a model group, access group or provider wildcard of this proxy. Models served: ${known || '(none)'}${served.size > MAX_LISTED ? ', …' : ''}.`,
      { param: `${options.param}[${index}]` },
    );
  });
}
