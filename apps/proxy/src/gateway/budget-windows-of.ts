import { budgetWindowAt, type BudgetLimit } from '@tollgate/ledger';
import type { BudgetWindowLimit } from '@tollgate/limits';

export interface BudgetSpec {
  maxBudgetNano: bigint | null;
  softBudgetNano?: bigint | null;
  budgetDuration: string | null;
  budgetLimits?: readonly BudgetLimit[];
}

function toSafeNumber(nano: bigint): number {
  return nano > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(nano);
}

/**
 * The live budget windows of one entity at `nowMs`: its main budget (per `budget_duration`, or all-time as `total`)
 * and every extra `budget_limits` window. Window starts are calendar-aligned, so every proxy keys the same counter.
 */
export function budgetWindowsOf(spec: BudgetSpec, options: { nowMs: number; timezone: string }): BudgetWindowLimit[] {
  const windows: BudgetWindowLimit[] = [];
  const windowFor = (duration: string | null, maxNano: bigint, softNano?: bigint | null): BudgetWindowLimit => {
    if (duration === null) {
      return { windowId: 'total', maxNano: toSafeNumber(maxNano), windowStartMs: 0, resetAtMs: null, ...(softNano ? { softNano: toSafeNumber(softNano) } : {}) };
    }
    const window = budgetWindowAt({ duration, at: options.nowMs, timezone: options.timezone });
    return {
      windowId: duration,
      maxNano: toSafeNumber(maxNano),
      windowStartMs: window.start.getTime(),
      resetAtMs: window.end.getTime(),
      ...(softNano ? { softNano: toSafeNumber(softNano) } : {}),
    };
  };
  if (spec.maxBudgetNano !== null) windows.push(windowFor(spec.budgetDuration, spec.maxBudgetNano, spec.softBudgetNano));
  for (const limit of spec.budgetLimits ?? []) {
    if (windows.some((window) => window.windowId === limit.budgetDuration)) continue;
    windows.push(windowFor(limit.budgetDuration, limit.maxBudgetNano));
  }
  return windows;
}
