import type { AdmitResult } from './admission-result.js';
import type { ResolvedLimiterOptions } from './limiter-options.js';

/**
 * The answer when the limiter cannot decide: `unavailable` (fail closed, the default), or with `failOpen` an
 * unchecked admission. Either way it is logged, so an outage never passes silently.
 */
export function undecidedAdmission(options: {
  limiter: ResolvedLimiterOptions;
  requestId: string;
  reason: string;
  cause: unknown;
  nowMs: number;
  leaseMs: number;
}): AdmitResult {
  const { limiter, requestId, reason, cause } = options;
  const error = cause instanceof Error ? cause.message : String(cause);
  if (limiter.failOpen) {
    limiter.logger.warn('limits: admitted without checking limits (failOpen)', { requestId, reason, error });
    return {
      outcome: 'admitted',
      requestId,
      leaseExpiresAtMs: options.nowMs + options.leaseMs,
      rateLimits: {},
      failedOpen: true,
    };
  }
  limiter.logger.warn('limits: refused because limits could not be checked', { requestId, reason, error });
  return { outcome: 'unavailable', requestId, reason, cause };
}
