import type { LimitKind, LimitRefusal } from './admission-result.js';
import type { AdmissionPlan } from './admission-plan.js';

/** Retrying a parallel-slot refusal: slots free whenever requests end, so suggest a short wait. */
const PARALLEL_RETRY_MS = 1000;

/**
 * Builds the refusal for the `index`-th (0-based) limit of a kind in the plan. `retryAtMs` is what the backend
 * computed for rpm/tpm (null: waiting cannot help); budgets retry at their window's reset.
 */
export function refusalOf(options: {
  plan: AdmissionPlan;
  limit: LimitKind;
  index: number;
  current: number;
  retryAtMs: number | null;
  nowMs: number;
  /** Budget refusals: the least room left over every budget window in scope, nano-USD. */
  budgetRoomNano?: number;
}): LimitRefusal {
  const { plan, limit, index, nowMs } = options;
  let refusal: Omit<LimitRefusal, 'retryAfterSeconds'>;
  if (limit === 'budget') {
    const budget = plan.budgets[index]!;
    refusal = {
      scope: budget.scope,
      limit,
      windowId: budget.window.windowId,
      current: options.current,
      requested: plan.reserveNano,
      max: budget.window.maxNano,
      retryAtMs: budget.window.resetAtMs,
      budgetRoomNano: Math.max(0, options.budgetRoomNano ?? budget.window.maxNano - options.current),
    };
  } else {
    const planned = (limit === 'max_parallel' ? plan.parallel : limit === 'rpm' ? plan.rpm : plan.tpm)[index]!;
    refusal = {
      scope: planned.scope,
      limit,
      current: options.current,
      requested: limit === 'tpm' ? plan.reserveTokens : 1,
      max: planned.limit,
      retryAtMs: limit === 'max_parallel' ? nowMs + PARALLEL_RETRY_MS : options.retryAtMs,
    };
  }
  const retryAfterSeconds =
    refusal.retryAtMs === null ? null : Math.max(1, Math.ceil((refusal.retryAtMs - nowMs) / 1000));
  return { ...refusal, retryAfterSeconds };
}
