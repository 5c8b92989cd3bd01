// @tollgate/router/redis: router state (cooldowns, calls in flight, rpm/tpm, latencies) shared through Redis by every
// process that routes to the same deployments. ioredis is an optional peer dependency: install it to use this entry.
export { RedisRouterStateStore, type RedisRouterStateStoreOptions } from './redis-router-state-store.js';
export type { RouterStateLogger } from './throttled-warning.js';
