import { PermissionDeniedError } from '@tollgate/core';
import { nanoUsdToUsd, type Ledger } from '@tollgate/ledger';
import type { KeyFieldsBody } from './schemas/key-schemas.js';

/** The limits a key set by a non-admin must stay within: its team's for a team key, else its owner's. */
export interface KeyCeiling {
  /** How the message names it: `team red`, `user alice`. */
  owner: string;
  maxBudgetNano: bigint | null;
  tpmLimit: number | null;
  rpmLimit: number | null;
  maxParallelRequests: number | null;
  models: readonly string[];
}

const UNRESTRICTED_MODEL_ENTRIES = new Set(['all-proxy-models', '*']);

/** The ceiling for a key with this owner and team; undefined when neither has a row (nothing to stay within). */
export async function keyCeilingFor(
  ledger: Ledger,
  target: { userId: string | null; teamId: string | null },
): Promise<KeyCeiling | undefined> {
  if (target.teamId !== null) {
    const team = await ledger.teams.get(target.teamId);
    return team && ceilingOf(`team ${team.teamId}`, team);
  }
  if (target.userId === null) return undefined;
  const user = await ledger.users.get(target.userId);
  return user && ceilingOf(`user ${user.userId}`, user);
}

function ceilingOf(owner: string, limits: Omit<KeyCeiling, 'owner'>): KeyCeiling {
  const { maxBudgetNano, tpmLimit, rpmLimit, maxParallelRequests, models } = limits;
  return { owner, maxBudgetNano, tpmLimit, rpmLimit, maxParallelRequests, models };
}

function deny(field: string, detail: string, ceiling: KeyCeiling): never {
  throw new PermissionDeniedError(
    `${field} ${detail} of ${ceiling.owner}: a key's limits set by anyone but a proxy admin stay within the limits ` +
      'of its team (team keys) or owner (personal keys).',
    { code: '403', param: field },
  );
}

type KeyChange = Partial<KeyFieldsBody>;

/** Each capped field: the values it sets, and the ceiling's limit that bounds them. */
const CAPPED_FIELDS: readonly {
  field: keyof KeyFieldsBody;
  values: (change: KeyChange) => readonly (bigint | number | null | undefined)[];
  cap: 'max_budget' | 'tpm_limit' | 'rpm_limit' | 'max_parallel_requests';
}[] = [
  { field: 'max_budget', values: (change) => [change.max_budget], cap: 'max_budget' },
  { field: 'soft_budget', values: (change) => [change.soft_budget], cap: 'max_budget' },
  { field: 'model_max_budget', values: (change) => Object.values(change.model_max_budget ?? {}).map((entry) => entry.maxBudgetNano), cap: 'max_budget' },
  { field: 'budget_limits', values: (change) => (change.budget_limits ?? []).map((window) => window.maxBudgetNano), cap: 'max_budget' },
  { field: 'tpm_limit', values: (change) => [change.tpm_limit], cap: 'tpm_limit' },
  { field: 'rpm_limit', values: (change) => [change.rpm_limit], cap: 'rpm_limit' },
  { field: 'max_parallel_requests', values: (change) => [change.max_parallel_requests], cap: 'max_parallel_requests' },
  { field: 'model_tpm_limit', values: (change) => Object.values(change.model_tpm_limit ?? {}), cap: 'tpm_limit' },
  { field: 'model_rpm_limit', values: (change) => Object.values(change.model_rpm_limit ?? {}), cap: 'rpm_limit' },
];

function capOf(ceiling: KeyCeiling, cap: (typeof CAPPED_FIELDS)[number]['cap']): bigint | number | null {
  if (cap === 'max_budget') return ceiling.maxBudgetNano;
  if (cap === 'tpm_limit') return ceiling.tpmLimit;
  if (cap === 'rpm_limit') return ceiling.rpmLimit;
  return ceiling.maxParallelRequests;
}

/**
 * 403 naming the first field above the ceiling: budgets (also per-model budgets and budget windows) above its
 * `max_budget`, rate limits (also per-model ones) above its own, models outside its list. Leaving a limit unset is
 * fine: the team's or owner's own limits still apply to the key.
 */
export function assertWithinCeiling(change: KeyChange, ceiling: KeyCeiling | undefined): void {
  if (ceiling === undefined) return;
  for (const { field, values, cap } of CAPPED_FIELDS) {
    const limit = capOf(ceiling, cap);
    if (limit === null) continue;
    const over = values(change).find((value) => value !== null && value !== undefined && value > limit);
    if (over === undefined || over === null) continue;
    const shown = (amount: bigint | number) => (cap === 'max_budget' ? `${nanoUsdToUsd(BigInt(amount))} USD` : String(amount));
    deny(field, `(${shown(over)}) is above the ${cap} (${shown(limit)})`, ceiling);
  }
  const allowed = ceiling.models;
  if (change.models !== undefined && allowed.length > 0 && !allowed.some((entry) => UNRESTRICTED_MODEL_ENTRIES.has(entry))) {
    const outside = change.models.find((entry) => entry !== 'all-team-models' && !allowed.includes(entry));
    if (outside !== undefined) deny('models', `entry ${JSON.stringify(outside)} is not in the models`, ceiling);
  }
}
