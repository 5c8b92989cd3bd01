import type { AdmitRequest, BudgetWindowLimit } from './admit-request.js';
import { type LimitScope, scopeKeyOf } from './limit-scope.js';

/** One budget window to check, with the backend-neutral id of its live counter. */
export interface PlannedBudget {
  scope: LimitScope;
  window: BudgetWindowLimit;
  /** `<kind>:<id>:<windowId>:<windowStartMs>`: one counter per window instance. */
  counterId: string;
  /** When the counter may be dropped (epoch ms): the window's end plus the retention; 0 = never. */
  expireAtMs: number;
}

/** One rate or parallel limit to check. */
export interface PlannedLimit {
  scope: LimitScope;
  /** `<kind>:<id>`. */
  scopeKey: string;
  limit: number;
}

/**
 * An admission flattened into lists per limit kind, in check order. Both backends check in this order, so they
 * refuse with the same limit: budgets, parallel slots, rpm, tpm; within a kind, scopes in the order given.
 */
export interface AdmissionPlan {
  requestId: string;
  reserveNano: number;
  reserveTokens: number;
  leaseMs: number;
  budgets: PlannedBudget[];
  parallel: PlannedLimit[];
  rpm: PlannedLimit[];
  tpm: PlannedLimit[];
}

/** Parsed admit request (defaults applied). */
type ParsedAdmitRequest = Omit<AdmitRequest, 'leaseMs'> & { leaseMs?: number | undefined };

export function planAdmission(options: {
  request: ParsedAdmitRequest;
  defaultLeaseMs: number;
  retentionMs: number;
}): AdmissionPlan {
  const { request } = options;
  const plan: AdmissionPlan = {
    requestId: request.requestId,
    reserveNano: request.reserveNano,
    reserveTokens: request.reserveTokens,
    leaseMs: request.leaseMs ?? options.defaultLeaseMs,
    budgets: [],
    parallel: [],
    rpm: [],
    tpm: [],
  };
  for (const limits of request.scopes) {
    const scopeKey = scopeKeyOf(limits.scope);
    for (const window of limits.budgets ?? []) {
      plan.budgets.push({
        scope: limits.scope,
        window,
        counterId: budgetCounterIdOf(limits.scope, window),
        expireAtMs: window.resetAtMs === null ? 0 : window.resetAtMs + options.retentionMs,
      });
    }
    const { scope, maxParallel, rpm, tpm } = limits;
    if (maxParallel !== undefined) plan.parallel.push({ scope, scopeKey, limit: maxParallel });
    if (rpm !== undefined) plan.rpm.push({ scope, scopeKey, limit: rpm });
    if (tpm !== undefined) plan.tpm.push({ scope, scopeKey, limit: tpm });
  }
  return plan;
}

/** The counter id of one budget window outside an admission (for `readBudget`). */
export function budgetCounterIdOf(scope: LimitScope, window: BudgetWindowLimit): string {
  return `${scopeKeyOf(scope)}:${encodeURIComponent(window.windowId)}:${window.windowStartMs}`;
}
