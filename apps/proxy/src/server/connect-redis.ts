import type { Redis } from 'ioredis';
import { describeEndpoint, StartupError } from './startup-error.js';

/**
 * Connects a lazily connecting client and waits until it is ready, at most `timeoutMs`; past that it disconnects the
 * client and throws a one-line `StartupError` with the last connection error. ioredis keeps retrying meanwhile, so a
 * Redis that comes up a few seconds after the proxy is still caught. The client must have an `error` listener (the
 * caller's), or ioredis prints "Unhandled error event" for every failed attempt.
 */
export async function connectRedis(redis: Redis, options: { url: string; role: string; timeoutMs: number }): Promise<void> {
  if (redis.status === 'ready') return;
  let lastError: Error | undefined;
  const remember = (error: Error) => (lastError = error);
  redis.on('error', remember);
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('timed out')), options.timeoutMs);
      redis.once('ready', () => {
        clearTimeout(timer);
        resolve();
      });
      if (redis.status === 'wait') redis.connect().catch(() => undefined);
    });
  } catch {
    redis.disconnect();
    const reason = lastError?.message ?? 'no answer';
    throw new StartupError(
      `Redis (${options.role}) at ${describeEndpoint(options.url)} is unreachable after ${options.timeoutMs / 1000} s: ${reason}`,
    );
  } finally {
    redis.off('error', remember);
  }
}
