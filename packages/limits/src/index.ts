// @tollgate/limits: live counters for budgets and rate limits — reservations, sliding-window rpm/tpm, parallel slots —
// in memory (one process) or in Redis shared by replicas (one Lua script per admit and per settle).
export type { LimitBackend } from './limit-backend.js';
export { MemoryLimitBackend } from './memory-limit-backend.js';
export { RedisLimitBackend, type RedisLimitBackendOptions } from './redis-limit-backend.js';
export type { LimiterOptions, LimiterLogger, SeedBudget } from './limiter-options.js';
export { LIMIT_SCOPE_KINDS, limitScopeSchema, type LimitScope, type LimitScopeKind } from './limit-scope.js';
export {
  admitRequestSchema,
  budgetWindowLimitSchema,
  scopeLimitsSchema,
  settleRequestSchema,
  releaseRequestSchema,
  type AdmitRequest,
  type BudgetWindowLimit,
  type ScopeLimits,
  type SettleRequest,
  type ReleaseRequest,
  type BudgetReadRequest,
} from './admit-request.js';
export type {
  AdmitResult,
  Admitted,
  Refused,
  LimiterUnavailable,
  LimitRefusal,
  LimitKind,
  RateLimitInfo,
  RateLimitWindowInfo,
  SettleResult,
  SoftBudgetCrossing,
  BudgetReading,
} from './admission-result.js';
export { rateLimitHeaders, formatResetDuration } from './rate-limit-info.js';
export { limitRefusalError, admissionError } from './limit-errors.js';
