import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { createFailFastRedis } from '@tollgate/redis-kit';
import type { LimitBackend } from '../limit-backend.js';
import type { LimiterOptions } from '../limiter-options.js';
import { MemoryLimitBackend } from '../memory-limit-backend.js';
import { RedisLimitBackend, type RedisLimitBackendOptions } from '../redis-limit-backend.js';
import { redisLimitKeys } from '../redis-limit-keys.js';

/** Two handles on shared limits: two proxies on one Redis, or one in-memory backend twice. */
export interface BackendPair {
  first: LimitBackend;
  second: LimitBackend;
}

export interface BackendHarness {
  /** Creates backends sharing one fresh namespace. */
  create(options: LimiterOptions): BackendPair;
  /** Closes connections and deletes every key the harness's backends wrote. */
  cleanup(): Promise<void>;
}

export function memoryHarness(): BackendHarness {
  return {
    create(options) {
      const backend = new MemoryLimitBackend(options);
      return { first: backend, second: backend };
    },
    cleanup: async () => {},
  };
}

/** Deletes every key matching a pattern (tests' own prefix only). */
export async function deleteKeys(redis: Redis, pattern: string): Promise<void> {
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 500);
    if (keys.length > 0) await redis.del(...keys);
    cursor = next;
  } while (cursor !== '0');
}

export function uniqueKeyPrefix(): string {
  return `test-${randomUUID()}`;
}

export function redisHarness(
  url: string,
  extra: Partial<Omit<RedisLimitBackendOptions, keyof LimiterOptions | 'redis'>> = {},
): BackendHarness {
  const connections: Redis[] = [];
  const prefixes: string[] = [];
  const connect = (): Redis => {
    const redis = createFailFastRedis(url, { commandTimeoutMs: 2_000 });
    connections.push(redis);
    return redis;
  };
  return {
    create(options) {
      const keyPrefix = uniqueKeyPrefix();
      prefixes.push(keyPrefix);
      // Generous timeouts: tests run on a shared, busy machine; the failure tests set their own.
      const settings = { commandTimeoutMs: 2_000, ...extra, ...options, keyPrefix };
      return {
        first: new RedisLimitBackend({ ...settings, redis: connect() }),
        second: new RedisLimitBackend({ ...settings, redis: connect() }),
      };
    },
    async cleanup() {
      const cleaner = connections[0];
      if (cleaner) {
        for (const prefix of prefixes) await deleteKeys(cleaner, redisLimitKeys(prefix).pattern);
      }
      await Promise.all(connections.map((redis) => redis.quit().catch(() => redis.disconnect())));
      connections.length = 0;
      prefixes.length = 0;
    },
  };
}
