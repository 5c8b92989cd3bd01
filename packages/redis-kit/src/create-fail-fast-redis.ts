import type { Redis } from 'ioredis';

export interface FailFastRedisOptions {
  /**
   * ioredis' own bound on one command, a backstop that frees commands whose reply never comes. Default 2000 ms: the
   * backend's bound (`RedisLimitBackend`'s `commandTimeoutMs`, 500 ms) is what callers wait for; this one must be
   * longer, because ioredis' timer fires before a reply that arrived during an event-loop stall is read (the cause of
   * 503s on a cold proxy's first burst), whereas the backend's bound lets such a reply win.
   */
  commandTimeoutMs?: number;
  /** Upper bound on establishing the TCP connection. Default 1000 ms. */
  connectTimeoutMs?: number;
  /** Connection errors (the backend reports failed calls itself; this is for logs). */
  onError?: (error: Error) => void;
}

/**
 * A connection for calls that must answer fast or fail (live limits, router state): nothing waits through reconnects
 * (`maxRetriesPerRequest: 0`), and a command whose reply was lost with the connection is not replayed later
 * (`autoResendUnfulfilledCommands: false`), so an admission reported as failed cannot quietly take effect after Redis
 * returns. Connects lazily on first use.
 */
export function createFailFastRedis(url: string, options: FailFastRedisOptions = {}): Redis {
  // Required here, not at import: a process that never connects to Redis never loads the Redis client.
  const { Redis: RedisClient } = require('ioredis') as typeof import('ioredis');
  const redis = new RedisClient(url, {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    autoResendUnfulfilledCommands: false,
    commandTimeout: options.commandTimeoutMs ?? 2_000,
    connectTimeout: options.connectTimeoutMs ?? 1000,
    retryStrategy: (attempt) => Math.min(attempt * 100, 2000),
    // Such a connection has nothing to flush on shutdown; do not hold the process for ioredis' default 2 s.
    disconnectTimeout: 200,
  });
  redis.on('error', (error: Error) => options.onError?.(error));
  return redis;
}
