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
export async function keyCeilingFor(ledger: Ledger, target: { userId: string | null; teamId: string | null }): Promise<KeyCeiling | undefined> {
  if (target.teamId !== null) {
    const team = await ledger.teams.get(target.teamId);
    return team && { owner: `team ${team.teamId}`, ...team };
  }
  if (target.userId === null) return undefined;
  const user = await ledger.users.get(target.userId);
  return user && { owner: `user ${user.userId}`, ...user };
}

function deny(field: string, detail: string, ceiling: KeyCeiling): never {
  throw new PermissionDeniedError(
    `${field} ${detail} of ${ceiling.owner}: a key's limits set by anyone but a proxy admin stay within the limits of its team (team keys) or owner (personal keys).`,
    { code: '403', param: field },
  );
}

function checkCap(field: string, values: readonly (bigint | number | null | undefined)[], cap: bigint | number | null, ceiling: KeyCeiling, usd: boolean): void {
  if (cap === null) return;
  for (const value of values) {
    if (value === null || value === undefined || value <= cap) continue;
    const shown = (amount: bigint | number) => (usd ? `${nanoUsdToUsd(BigInt(amount))} USD` : String(amount));
    deny(field, `(${shown(value)}) is above the ${shown(cap)}`, ceiling);
  }
}

/**
 * 403 naming the first field above the ceiling: budgets (also per-model budgets and budget windows) above its
 * `max_budget`, rate limits (also per-model ones) above its own, models outside its list. Leaving a limit unset is
 * fine: the team's or owner's own limits still apply to the key.
 */
export function assertWithinCeiling(change: Partial<KeyFieldsBody>, ceiling: KeyCeiling | undefined): void {
  if (ceiling === undefined) return;
  checkCap('max_budget', [change.max_budget], ceiling.maxBudgetNano, ceiling, true);
  checkCap('soft_budget', [change.soft_budget], ceiling.maxBudgetNano, ceiling, true);
  checkCap('model_max_budget', Object.values(change.model_max_budget ?? {}).map((entry) => entry.maxBudgetNano), ceiling.maxBudgetNano, ceiling, true);
  checkCap('budget_limits', (change.budget_limits ?? []).map((window) => window.maxBudgetNano), ceiling.maxBudgetNano, ceiling, true);
  checkCap('tpm_limit', [change.tpm_limit], ceiling.tpmLimit, ceiling, false);
  checkCap('rpm_limit', [change.rpm_limit], ceiling.rpmLimit, ceiling, false);
  checkCap('max_parallel_requests', [change.max_parallel_requests], ceiling.maxParallelRequests, ceiling, false);
  checkCap('model_tpm_limit', Object.values(change.model_tpm_limit ?? {}), ceiling.tpmLimit, ceiling, false);
  checkCap('model_rpm_limit', Object.values(change.model_rpm_limit ?? {}), ceiling.rpmLimit, ceiling, false);
  const allowed = ceiling.models;
  if (change.models !== undefined && allowed.length > 0 && !allowed.some((entry) => UNRESTRICTED_MODEL_ENTRIES.has(entry))) {
    const outside = change.models.find((entry) => entry !== 'all-team-models' && !allowed.includes(entry));
    if (outside !== undefined) deny('models', `entry ${JSON.stringify(outside)} is not in the models`, ceiling);
  }
}
