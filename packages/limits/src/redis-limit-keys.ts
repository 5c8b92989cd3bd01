/**
 * Names of every Redis key the limiter uses. All share one hash tag, `{tg:<prefix>}`, so all of them live in one
 * Redis Cluster slot. That is required, not incidental: one admission touches the key's, the user's, the team's
 * and the global counters in one script, and scopes overlap across admissions (every request touches the global
 * budget), so no finer tag could keep each script's keys in one slot. To spread load over a cluster, give
 * independent tenants their own prefix.
 */
export interface RedisLimitKeys {
  /** Hash: the request's state (`held`, `settled`, `released`) and lease end. */
  request(requestId: string): string;
  /** Hash: a budget window's committed spend, live reservations, soft-budget marker and per-request amounts. */
  budgetCounter(counterId: string): string;
  /** Sorted set: request ids holding a reservation on that counter, scored by lease end. */
  budgetLeases(counterId: string): string;
  /** Sorted set: a scope's admitted requests, scored by admission instant (rpm sliding log). */
  requestLog(scopeKey: string): string;
  /** Sorted set: a scope's admitted requests for tpm, scored by admission instant. */
  tokenLog(scopeKey: string): string;
  /** Hash: tokens counted per request in the tpm log, and their `total`. */
  tokenCounts(scopeKey: string): string;
  /** Sorted set: parallel slots held, scored by lease end. */
  slots(scopeKey: string): string;
  /** `SCAN MATCH` pattern for every key under the prefix (tests clean up with it). */
  pattern: string;
}

/** Letters, digits and `_.:-`; braces would break the hash tag. */
export const KEY_PREFIX_PATTERN = /^[\w.:-]{1,100}$/;

export function redisLimitKeys(keyPrefix: string): RedisLimitKeys {
  if (!KEY_PREFIX_PATTERN.test(keyPrefix)) {
    throw new RangeError(`limits: keyPrefix ${JSON.stringify(keyPrefix)} must match ${KEY_PREFIX_PATTERN}`);
  }
  const tag = `{tg:${keyPrefix}}`;
  return {
    request: (requestId) => `${tag}:request:${encodeURIComponent(requestId)}`,
    budgetCounter: (counterId) => `${tag}:budget:${counterId}`,
    budgetLeases: (counterId) => `${tag}:budget-leases:${counterId}`,
    requestLog: (scopeKey) => `${tag}:rpm:${scopeKey}`,
    tokenLog: (scopeKey) => `${tag}:tpm:${scopeKey}`,
    tokenCounts: (scopeKey) => `${tag}:tpm-counts:${scopeKey}`,
    slots: (scopeKey) => `${tag}:parallel:${scopeKey}`,
    pattern: `${tag}:*`,
  };
}
