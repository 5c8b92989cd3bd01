import type { CustomerRecord } from '@tollgate/ledger';
import type { ScopeLimits } from '@tollgate/limits';
import type { AuthContext } from '../auth/auth-context.js';
import { budgetWindowsOf } from './budget-windows-of.js';

export interface GlobalBudget {
  maxBudgetNano: bigint;
  budgetDuration: string | null;
}

export interface ScopesOfRequestOptions {
  auth: AuthContext;
  customer: CustomerRecord | undefined;
  /** The model group the request targets (per-model limits key on it). */
  modelGroup: string;
  globalBudget: GlobalBudget | undefined;
  nowMs: number;
  timezone: string;
}

function withLimits(limits: ScopeLimits): ScopeLimits | undefined {
  const has = (limits.budgets?.length ?? 0) > 0 || limits.rpm !== undefined || limits.tpm !== undefined || limits.maxParallel !== undefined;
  return has ? limits : undefined;
}

const optional = (value: number | null | undefined): number | undefined => (value === null ? undefined : value);

/**
 * Every limit in scope for one request (LiteLLM §3.12 precedence): the key; the team and the member's budget for a
 * team key, the user's budget for a personal key (user rate limits apply to both); the customer; per-model limits of
 * key and team; the proxy-wide budget. The master key is held only by the proxy-wide budget.
 */
export function scopesOfRequest(options: ScopesOfRequestOptions): ScopeLimits[] {
  const { auth, customer, modelGroup, nowMs, timezone } = options;
  const windowOptions = { nowMs, timezone };
  const scopes: (ScopeLimits | undefined)[] = [];
  if (options.globalBudget !== undefined) {
    scopes.push({ scope: { kind: 'global', id: 'proxy' }, budgets: budgetWindowsOf({ ...options.globalBudget }, windowOptions) });
  }
  if (auth.kind === 'virtual') {
    const { key, user, team, membership } = auth;
    scopes.push(
      withLimits({
        scope: { kind: 'key', id: key.keyId },
        budgets: budgetWindowsOf(key, windowOptions),
        rpm: optional(key.rpmLimit),
        tpm: optional(key.tpmLimit),
        maxParallel: optional(key.maxParallelRequests),
      }),
    );
    const keyModelBudget = key.modelMaxBudget[modelGroup];
    scopes.push(
      withLimits({
        scope: { kind: 'model_per_key', id: `${key.keyId}/${modelGroup}` },
        budgets: keyModelBudget ? budgetWindowsOf({ maxBudgetNano: keyModelBudget.maxBudgetNano, budgetDuration: keyModelBudget.budgetDuration }, windowOptions) : [],
        rpm: key.modelRpmLimit[modelGroup],
        tpm: key.modelTpmLimit[modelGroup],
      }),
    );
    if (user !== undefined) {
      scopes.push(
        withLimits({
          scope: { kind: 'user', id: user.userId },
          budgets: team === undefined ? budgetWindowsOf(user, windowOptions) : [],
          rpm: optional(user.rpmLimit),
          tpm: optional(user.tpmLimit),
          maxParallel: optional(user.maxParallelRequests),
        }),
      );
    }
    if (team !== undefined) {
      scopes.push(
        withLimits({
          scope: { kind: 'team', id: team.teamId },
          budgets: budgetWindowsOf(team, windowOptions),
          rpm: optional(team.rpmLimit),
          tpm: optional(team.tpmLimit),
          maxParallel: optional(team.maxParallelRequests),
        }),
      );
      const teamModelBudget = team.modelMaxBudget[modelGroup];
      scopes.push(
        withLimits({
          scope: { kind: 'model_per_team', id: `${team.teamId}/${modelGroup}` },
          budgets: teamModelBudget ? budgetWindowsOf({ maxBudgetNano: teamModelBudget.maxBudgetNano, budgetDuration: teamModelBudget.budgetDuration }, windowOptions) : [],
          rpm: team.modelRpmLimit[modelGroup],
          tpm: team.modelTpmLimit[modelGroup],
        }),
      );
      if (membership !== undefined) {
        scopes.push(
          withLimits({
            scope: { kind: 'team_member', id: `${team.teamId}/${membership.userId}` },
            budgets: budgetWindowsOf({ maxBudgetNano: membership.maxBudgetInTeamNano, budgetDuration: membership.budgetDuration }, windowOptions),
            rpm: optional(membership.rpmLimit),
            tpm: optional(membership.tpmLimit),
          }),
        );
      }
    }
  }
  if (customer !== undefined) {
    scopes.push(
      withLimits({
        scope: { kind: 'customer', id: customer.userId },
        budgets: budgetWindowsOf(customer, windowOptions),
        rpm: optional(customer.rpmLimit),
        tpm: optional(customer.tpmLimit),
        maxParallel: optional(customer.maxParallelRequests),
      }),
    );
  }
  return scopes.filter((scope): scope is ScopeLimits => scope !== undefined);
}
