import { Redis } from 'ioredis';

/**
 * An ioredis connection fit for BullMQ workers: `maxRetriesPerRequest: null` makes commands wait through a reconnect
 * instead of failing (BullMQ requires it for blocking connections), so a Redis restart pauses the worker rather than
 * failing jobs.
 */
export function createRedisConnection(url: string): Redis {
  return new Redis(url, { maxRetriesPerRequest: null });
}
