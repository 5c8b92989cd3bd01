import { createFailFastRedis } from '@tollgate/redis-kit';
import { InMemoryRouterStateStore } from '../state/in-memory-router-state-store.js';
import type { Redis } from 'ioredis';
import { RedisRouterStateStore } from './redis-router-state-store.js';
import { describeRouterStateStoreBehaviours } from './testing-internal/router-state-store-behaviours.js';
import { deleteRouterStateKeys, uniqueRouterStatePrefix } from './testing-internal/redis-test-prefix.js';

const redisUrl = process.env['REDIS_URL'];
const describeWithRedis = redisUrl ? describe : describe.skip;
if (!redisUrl) console.warn('RedisRouterStateStore contract tests skipped: set REDIS_URL to run them');

describe('InMemoryRouterStateStore (the reference the Redis store must match)', () => {
  describeRouterStateStoreBehaviours(async (options) => new InMemoryRouterStateStore(options));
});

describeWithRedis('RedisRouterStateStore behaves like the in-memory store', () => {
  let redis: Redis;
  const prefixes: string[] = [];

  beforeAll(() => {
    redis = createFailFastRedis(redisUrl!);
  });
  afterAll(async () => {
    for (const prefix of prefixes) await deleteRouterStateKeys(redis, prefix);
    await redis.quit();
  });

  describeRouterStateStoreBehaviours(async (options) => {
    const keyPrefix = uniqueRouterStatePrefix();
    prefixes.push(keyPrefix);
    // Every failure would otherwise be silently swallowed; a test against a working Redis must see none.
    const logger = { warn: (details: object, message: string) => { throw new Error(`${message}: ${JSON.stringify(details)}`); } };
    // The behaviours are about state, not speed: a generous bound keeps a loaded machine's stalls from reading as faults.
    return new RedisRouterStateStore({ redis, keyPrefix, logger, commandTimeoutMs: 5_000, ...options });
  });
});
