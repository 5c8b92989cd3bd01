import type { LimitScope } from './limit-scope.js';

/** Which limit refused a request. */
export type LimitKind = 'budget' | 'rpm' | 'tpm' | 'max_parallel';

/** Why a request was refused, with the numbers its error message and `retry-after` need. */
export interface LimitRefusal {
  /** The scope whose limit was hit (the first one in check order: budgets, parallel, rpm, tpm; scopes as given). */
  scope: LimitScope;
  /** Which limit was hit. */
  limit: LimitKind;
  /** For a budget: the window that would be passed (`24h`, `total`, ...). */
  windowId?: string;
  /** Usage before this request: nano-USD spent + reserved, requests or tokens in the window, or slots held. */
  current: number;
  /** What this request asked for: its reservation in nano-USD, 1 request, its reserved tokens, or 1 slot. */
  requested: number;
  /** The limit itself (nano-USD for budgets). */
  max: number;
  /**
   * For a budget refusal: the least room any budget window in scope has left (its max − spent − reserved, at least
   * 0), nano-USD — the most a smaller request could reserve now. Undefined for other limits.
   */
  budgetRoomNano?: number;
  /** When waiting can help: the instant (epoch ms) the request would fit; null when waiting alone cannot help. */
  retryAtMs: number | null;
  /** `retryAtMs` as whole seconds from now (at least 1), for `retry-after`; null with it. */
  retryAfterSeconds: number | null;
}

/** Rate-limit numbers of one kind (requests or tokens) for the most restrictive scope. */
export interface RateLimitWindowInfo {
  /** The scope whose limit has the least room left. */
  scope: LimitScope;
  /** `x-ratelimit-limit-*`. */
  limit: number;
  /** `x-ratelimit-remaining-*`, after this request. */
  remaining: number;
  /** `x-ratelimit-reset-*`: ms until the window is back to its full limit (the newest entry slides out). */
  resetMs: number;
}

/** Data for the `x-ratelimit-*` response headers; a kind is absent when no scope has that limit. */
export interface RateLimitInfo {
  /** From rpm limits. */
  requests?: RateLimitWindowInfo;
  /** From tpm limits. */
  tokens?: RateLimitWindowInfo;
}

/** The request holds its reservations, slots and rate entries until it is settled, released or its lease ends. */
export interface Admitted {
  outcome: 'admitted';
  requestId: string;
  /** When the reservation and parallel slots free themselves if nobody settles them (epoch ms). */
  leaseExpiresAtMs: number;
  /** Header data, after counting this request. */
  rateLimits: RateLimitInfo;
  /** True when the limiter could not decide and `failOpen` let the request through unchecked. */
  failedOpen: boolean;
}

/** A limit would be passed; nothing was recorded. */
export interface Refused {
  outcome: 'refused';
  requestId: string;
  refusal: LimitRefusal;
  /** Header data without this request. */
  rateLimits: RateLimitInfo;
}

/** The limiter could not decide (store unreachable or too slow, circuit open, seed failed): answer 503. */
export interface LimiterUnavailable {
  outcome: 'unavailable';
  requestId: string;
  /** Human-readable reason, safe to show. */
  reason: string;
  /** The underlying error, for logs. */
  cause?: unknown;
}

/** What `admit` resolves to. It never rejects for a store failure; it rejects only for an invalid request. */
export type AdmitResult = Admitted | Refused | LimiterUnavailable;

/** A scope whose soft budget was reached for the first time in a window by this settlement. */
export interface SoftBudgetCrossing {
  scope: LimitScope;
  windowId: string;
  softNano: number;
  windowStartMs: number;
}

/**
 * What `settle`/`release` resolve to. `settled`: counted now; `already_settled`: a repeat, nothing changed;
 * `unknown`: this backend never admitted the id (or forgot it after the retention), nothing changed;
 * `unavailable`: the store could not be reached, nothing is known to have changed and a retry is safe.
 */
export interface SettleResult {
  outcome: 'settled' | 'already_settled' | 'unknown' | 'unavailable';
  requestId: string;
  /** True when the lease had expired before settlement; the actual cost was still counted, once. */
  leaseExpired: boolean;
  /** Soft budgets first reached by this settlement: fire `soft_budget_crossed` once for each. */
  softBudgetCrossings: SoftBudgetCrossing[];
  /** With `unavailable`: the reason. */
  reason?: string;
}

/** A budget window's live counter. */
export interface BudgetReading {
  /** False when the counter has not been seeded from the database yet (both amounts are then 0). */
  seeded: boolean;
  /** Settled spend in the window, nano-USD. */
  committedNano: number;
  /** Live (unexpired) reservations, nano-USD. */
  reservedNano: number;
}
