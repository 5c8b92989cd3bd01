import type { AdmitRequest, BudgetReadRequest, ReleaseRequest, SettleRequest } from './admit-request.js';
import type { AdmitResult, BudgetReading, SettleResult } from './admission-result.js';

/**
 * Live counters for budgets and rate limits. Two implementations share one semantics: `MemoryLimitBackend` (one
 * process) and `RedisLimitBackend` (any number of proxies). The proxy that admits a request settles it.
 */
export interface LimitBackend {
  /** Checks every limit of every scope and, only if all pass, records them all, atomically. */
  admit(request: AdmitRequest): Promise<AdmitResult>;
  /** Replaces the reservation with the actual cost and tokens and frees the parallel slots. Idempotent. */
  settle(request: SettleRequest): Promise<SettleResult>;
  /** Settles with no cost and no tokens (the request failed before costing anything). Idempotent. */
  release(request: ReleaseRequest): Promise<SettleResult>;
  /** Reads one budget window's counter (for `budget_reset_at`/spend displays and tests). */
  readBudget(request: BudgetReadRequest): Promise<BudgetReading>;
}
