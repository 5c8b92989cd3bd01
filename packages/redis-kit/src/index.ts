// @tollgate/redis-kit: Redis plumbing shared by @tollgate/limits and @tollgate/router/redis. Nothing here connects
// at import; ioredis is loaded only by `createFailFastRedis`.
export { createFailFastRedis, type FailFastRedisOptions } from './create-fail-fast-redis.js';
export { CircuitBreaker, CircuitOpenError, type CircuitBreakerOptions, type CircuitState } from './circuit-breaker.js';
export { LimiterTimeoutError, withTimeout } from './with-timeout.js';
export { coalesceWritesUntilNextTurn } from './coalesce-writes-until-next-turn.js';
