import type { FailureFacts } from './classify-failure.js';
import type { RouterPolicy } from './router-policy.js';

/**
 * The groups to try, in order, after `group` failed with `failure`:
 * - prompt too long → `context_window_fallbacks` for the group, else the generic fallbacks;
 * - content refused → `content_policy_fallbacks` for the group, else the generic fallbacks;
 * - any other fault of the request (400, 422) → none: another model would reject it too;
 * - anything else → the request's own `fallbacks`, else `fallbacks` for the group, else `default_fallbacks`.
 * Groups are looked up by the name the caller used and by the resolved group; at most `max_fallbacks` are given.
 */
export function fallbackGroupsFor(options: {
  policy: RouterPolicy;
  /** Names the failed group goes by: the requested name (maybe an alias) and the group. */
  groupNames: readonly string[];
  failure: FailureFacts;
  /** Fallbacks sent in the request body, which replace the configured generic ones. */
  requestFallbacks: readonly string[] | undefined;
}): string[] {
  const { policy, groupNames, failure } = options;
  const lookup = (map: ReadonlyMap<string, readonly string[]>): readonly string[] | undefined => {
    for (const name of groupNames) {
      const targets = map.get(name);
      if (targets) return targets;
    }
    return undefined;
  };
  const generic = (): readonly string[] =>
    options.requestFallbacks ?? lookup(policy.fallbacks) ?? policy.defaultFallbacks;

  let targets: readonly string[];
  if (failure.isContextWindowExceeded) targets = lookup(policy.contextWindowFallbacks) ?? generic();
  else if (failure.isContentPolicyViolation) targets = lookup(policy.contentPolicyFallbacks) ?? generic();
  else if (failure.kind === 'caller' || failure.kind === 'local') targets = [];
  else targets = generic();

  const unique = [...new Set(targets)].filter((target) => !groupNames.includes(target));
  return unique.slice(0, policy.maxFallbacks);
}
