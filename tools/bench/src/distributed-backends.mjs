// Distributed mode's backends, private to one run: a fresh PostgreSQL database and a Redis key namespace (limits
// prefix and spend queue name), both removed at the end. Nothing outside that namespace is touched.
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import pg from 'pg';
import { assertLoopback } from './http-request.mjs';

/**
 * Creates database `tollgate_bench_<random>` on the server of `databaseUrl` and returns its URL, the Redis
 * variables the proxy and worker read, and `dispose()` which drops the database and deletes the run's Redis keys.
 */
export async function createDistributedBackends({ databaseUrl, redisUrl }) {
  assertLoopback(databaseUrl.replace(/^postgres(ql)?:/, 'http:'), 'database-url');
  assertLoopback(redisUrl.replace(/^rediss?:/, 'http:'), 'redis-url');
  const runId = randomBytes(4).toString('hex');
  const databaseName = `tollgate_bench_${runId}`;
  const namespace = `tollgate-bench-${runId}`;
  const admin = new pg.Client({ connectionString: databaseUrl });
  await admin.connect();
  try {
    await admin.query(`create database ${databaseName}`);
  } finally {
    await admin.end();
  }
  const runDatabaseUrl = new URL(databaseUrl);
  runDatabaseUrl.pathname = `/${databaseName}`;
  const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 2 });
  await redis.connect();
  await redis.ping();
  return {
    databaseName,
    namespace,
    env: {
      DATABASE_URL: runDatabaseUrl.toString(),
      REDIS_URL: redisUrl,
      TOLLGATE_REDIS_PREFIX: `${namespace}:limits`,
      SPEND_QUEUE_NAME: `${namespace}-spend`,
      // Read by the worker only; keeps its budget-reset and retention jobs inside the run's namespace too.
      MAINTENANCE_QUEUE_NAME: `${namespace}-maintenance`,
    },
    /** Spend jobs not yet booked: BullMQ's `wait` and `active` lists of the run's queue. */
    pendingSpendJobs: async () => (await redis.llen(`bull:${namespace}-spend:wait`)) + (await redis.llen(`bull:${namespace}-spend:active`)),
    /** Deletes the run's Redis keys (limit counters and the spend queue). */
    deleteRedisKeys: () => deleteMatching(redis, `*${namespace}*`),
    async dispose() {
      await deleteMatching(redis, `*${namespace}*`).catch(() => undefined);
      redis.disconnect();
      const cleanup = new pg.Client({ connectionString: databaseUrl });
      await cleanup.connect();
      try {
        await cleanup.query(`drop database if exists ${databaseName} with (force)`);
      } finally {
        await cleanup.end();
      }
    },
  };
}

async function deleteMatching(redis, pattern) {
  let cursor = '0';
  let deleted = 0;
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
    cursor = next;
    if (keys.length > 0) deleted += await redis.unlink(...keys);
  } while (cursor !== '0');
  return deleted;
}
