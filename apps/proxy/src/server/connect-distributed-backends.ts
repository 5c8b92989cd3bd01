import type { Redis } from 'ioredis';
import { RedisLimitBackend, type SeedBudget } from '@tollgate/limits';
import { createFailFastRedis } from '@tollgate/redis-kit';
import type { Logger } from '../observability/create-logger.js';
import type { SpendSink } from '../spend/spend-sink.js';
import { connectRedis } from './connect-redis.js';

export interface DistributedBackends {
  /** The limiter's fail-fast connection (also the router state's). */
  redis: Redis;
  /** The spend queue's connection (also publishes cache invalidations). */
  queueRedis: Redis;
  /** The cache-invalidation subscriber's connection. */
  subscriberRedis: Redis;
  limiter: RedisLimitBackend;
  queueSink: SpendSink;
}

/**
 * Connects every Redis client distributed mode needs and warms the limiter (scripts loaded), before the proxy
 * listens: a proxy that reports ready can admit its first burst at full speed. Each client gets an error listener
 * that logs at most one line per 10 s (connection errors repeat on every reconnect attempt during an outage). Throws
 * `StartupError` when Redis is not reachable within `timeoutMs`.
 */
export async function connectDistributedBackends(options: {
  url: string;
  seed: SeedBudget;
  failOpen: boolean;
  keyPrefix: string;
  queueName: string | undefined;
  timeoutMs: number;
  logger: Logger;
}): Promise<DistributedBackends> {
  const { url, logger } = options;
  const { Redis: RedisClient } = await import('ioredis');
  // While connecting, `connectRedis` reports the last error once, in the start-up error: nothing is logged before.
  let connected = false;
  const logErrorsOf = (role: string) => {
    let lastLoggedAtMs = Number.NEGATIVE_INFINITY;
    let suppressed = 0;
    return (error: Error) => {
      if (!connected) return;
      if (Date.now() - lastLoggedAtMs < 10_000) {
        suppressed += 1;
        return;
      }
      logger.warn({ err: { message: error.message }, role, suppressedSinceLastWarning: suppressed }, 'redis connection error');
      lastLoggedAtMs = Date.now();
      suppressed = 0;
    };
  };
  const redis = createFailFastRedis(url, { onError: logErrorsOf('limiter') });
  const queueRedis = new RedisClient(url, { maxRetriesPerRequest: null, lazyConnect: true });
  queueRedis.on('error', logErrorsOf('spend queue'));
  const subscriberRedis = new RedisClient(url, { lazyConnect: true });
  subscriberRedis.on('error', logErrorsOf('cache invalidation'));
  const clients = [redis, queueRedis, subscriberRedis];
  try {
    await Promise.all([
      connectRedis(redis, { url, role: 'limiter', timeoutMs: options.timeoutMs }),
      connectRedis(queueRedis, { url, role: 'spend queue', timeoutMs: options.timeoutMs }),
      connectRedis(subscriberRedis, { url, role: 'cache invalidation', timeoutMs: options.timeoutMs }),
    ]);
    const limiter = new RedisLimitBackend({ redis, seed: options.seed, failOpen: options.failOpen, keyPrefix: options.keyPrefix });
    await limiter.warmUp();
    connected = true;
    // Loaded only in distributed mode: an embedded proxy never loads BullMQ.
    const { QueueSpendSink } = await import('../spend/queue-spend-sink.js');
    const queueSink = new QueueSpendSink({ connection: queueRedis, queueName: options.queueName, onError: logErrorsOf('spend queue') });
    return { redis, queueRedis, subscriberRedis, limiter, queueSink };
  } catch (error) {
    for (const client of clients) client.disconnect();
    throw error;
  }
}
