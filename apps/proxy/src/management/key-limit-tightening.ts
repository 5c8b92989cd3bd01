import { PermissionDeniedError } from '@tollgate/core';
import { addDuration, type BudgetLimit, type KeyRecord, type ModelBudget } from '@tollgate/ledger';
import type { KeyLimitField } from './key-field-policy.js';
import type { KeyFieldsBody } from './schemas/key-schemas.js';

/** Model allow-list entries that allow everything the owner or team may use. */
const UNRESTRICTED_MODEL_ENTRIES = new Set(['all-proxy-models', '*', 'all-team-models']);

/** A cap no looser than the stored one: the same, or set (null means "no cap") and not above. */
function capNoLooser(requested: bigint | number | null, existing: bigint | number | null): boolean {
  return requested === existing || (requested !== null && (existing === null || requested <= existing));
}

/** An allow-list no wider than the stored one: empty (allows all) only if it was; else only entries it allows. */
function listNoWider(requested: readonly string[], existing: readonly string[], unrestricted: (list: readonly string[]) => boolean): boolean {
  if (requested.length === 0) return existing.length === 0;
  return unrestricted(existing) || requested.every((entry) => existing.includes(entry));
}

/** A per-model map of caps no looser: every stored entry kept and not raised; new entries only add caps. */
function mapNoLooser<Value>(
  requested: Record<string, Value>,
  existing: Record<string, Value>,
  noLooser: (requested: Value, existing: Value) => boolean,
): boolean {
  return Object.entries(existing).every(([model, stored]) => {
    const kept = requested[model];
    return kept !== undefined && noLooser(kept, stored);
  });
}

const modelBudgetNoLooser = (requested: ModelBudget, existing: ModelBudget) =>
  requested.budgetDuration === existing.budgetDuration && requested.maxBudgetNano <= existing.maxBudgetNano;

const budgetWindowsNoLooser = (requested: readonly BudgetLimit[], existing: readonly BudgetLimit[]) =>
  existing.every((stored) => requested.some((window) => window.budgetDuration === stored.budgetDuration && window.maxBudgetNano <= stored.maxBudgetNano));

/** The expiry a `duration` sets, in ms; null = never expires. */
function expiryOf(duration: string | null, nowMs: number): number | null {
  return duration === null || duration === '-1' ? null : addDuration({ from: nowMs, duration }).getTime();
}

type KeyChange = Partial<KeyFieldsBody>;

/**
 * For each limit field: whether the requested value is no looser than the key's stored one. Called only when the
 * field is present. A budget window (`budget_duration`) is not ordered (a shorter window resets sooner, a longer one
 * holds more), so an owner may not change it at all.
 */
const NO_LOOSER: { [Field in KeyLimitField]: (change: Required<Pick<KeyChange, Field>>, existing: KeyRecord, nowMs: number) => boolean } = {
  duration: (change, existing, nowMs) => {
    const expiry = expiryOf(change.duration, nowMs);
    return existing.expires === null || (expiry !== null && expiry <= existing.expires.getTime());
  },
  models: (change, existing) =>
    listNoWider(change.models, existing.models, (list) => list.length === 0 || list.some((entry) => UNRESTRICTED_MODEL_ENTRIES.has(entry))),
  max_budget: (change, existing) => capNoLooser(change.max_budget, existing.maxBudgetNano),
  soft_budget: (change, existing) => capNoLooser(change.soft_budget, existing.softBudgetNano),
  budget_duration: (change, existing) => change.budget_duration === existing.budgetDuration,
  tpm_limit: (change, existing) => capNoLooser(change.tpm_limit, existing.tpmLimit),
  rpm_limit: (change, existing) => capNoLooser(change.rpm_limit, existing.rpmLimit),
  max_parallel_requests: (change, existing) => capNoLooser(change.max_parallel_requests, existing.maxParallelRequests),
  model_max_budget: (change, existing) => mapNoLooser(change.model_max_budget, existing.modelMaxBudget, modelBudgetNoLooser),
  model_rpm_limit: (change, existing) => mapNoLooser(change.model_rpm_limit, existing.modelRpmLimit, (requested, stored) => requested <= stored),
  model_tpm_limit: (change, existing) => mapNoLooser(change.model_tpm_limit, existing.modelTpmLimit, (requested, stored) => requested <= stored),
  budget_limits: (change, existing) => budgetWindowsNoLooser(change.budget_limits, existing.budgetLimits),
  // `default` may call every route; the other types are each narrower and not comparable with one another.
  key_type: (change, existing) => change.key_type === existing.keyType || existing.keyType === 'default',
  allowed_routes: (change, existing) => listNoWider(change.allowed_routes, existing.allowedRoutes, (list) => list.length === 0),
};

const HOW_TO_TIGHTEN: Record<KeyLimitField, string> = {
  duration: 'you may shorten its expiry, not extend it or make it never expire',
  models: 'you may remove models from its list, not add any or clear the list',
  max_budget: 'you may lower it, not raise or clear it',
  soft_budget: 'you may lower it, not raise or clear it',
  budget_duration: 'you may not change it',
  tpm_limit: 'you may lower it, not raise or clear it',
  rpm_limit: 'you may lower it, not raise or clear it',
  max_parallel_requests: 'you may lower it, not raise or clear it',
  model_max_budget: 'you may lower or add per-model budgets, not raise, remove or re-window them',
  model_rpm_limit: 'you may lower or add per-model limits, not raise or remove them',
  model_tpm_limit: 'you may lower or add per-model limits, not raise or remove them',
  budget_limits: 'you may lower or add budget windows, not raise or remove them',
  key_type: 'you may narrow a default key to one type, not change a typed key',
  allowed_routes: 'you may remove routes from its list, not add any or clear the list',
};

/**
 * 403 naming the first limit field that the change loosens. For a key's owner who is not an admin of its team: the
 * owner may tighten their key's limits but not lift what a proxy admin or team admin set (Tollgate does not record
 * who set a limit, so no loosening is allowed; to get more, ask an admin, or create a key within your user limits).
 */
export function assertOnlyTightens(existing: KeyRecord, change: KeyChange, nowMs: number): void {
  for (const field of Object.keys(NO_LOOSER) as KeyLimitField[]) {
    if (change[field] === undefined) continue;
    const noLooser = NO_LOOSER[field] as (change: KeyChange, existing: KeyRecord, nowMs: number) => boolean;
    if (noLooser(change, existing, nowMs)) continue;
    throw new PermissionDeniedError(
      `You may not loosen ${field} of key ${existing.keyName}: ${HOW_TO_TIGHTEN[field]}. ` +
        "Only a proxy admin or an admin of the key's team may loosen a key's limits.",
      { code: '403', param: field },
    );
  }
}
