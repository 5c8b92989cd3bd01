import { randomBytes } from 'node:crypto';
import { openLedgerDatabase, type LedgerDb, type OpenLedgerDatabaseOptions } from '@tollgate/ledger';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';

/** REDIS_URL and DATABASE_URL, or a printed reason why integration tests are skipped. */
export function integrationServices(suite: string): { redisUrl: string; databaseUrl: string } | undefined {
  const redisUrl = process.env.REDIS_URL;
  const databaseUrl = process.env.DATABASE_URL;
  if (redisUrl && databaseUrl) return { redisUrl, databaseUrl };
  const missing = [redisUrl ? undefined : 'REDIS_URL', databaseUrl ? undefined : 'DATABASE_URL'].filter(Boolean).join(' and ');
  console.warn(`${missing} not set: the ${suite} integration tests (real Redis and PostgreSQL) are skipped`);
  return undefined;
}

/** A name no other test run uses, for queues and schemas. */
export function uniqueName(prefix: string): string {
  return `${prefix}_${randomBytes(5).toString('hex')}`;
}

/**
 * Redis connections, queues and PostgreSQL schemas a test file opened, so `cleanup()` can obliterate the queues, drop
 * the schemas and close everything, whatever the tests did.
 */
export class TestResources {
  private readonly connections: Redis[] = [];
  private readonly queueNames = new Set<string>();
  private readonly databases: LedgerDb[] = [];
  private readonly schemas = new Set<string>();

  constructor(private readonly services: { redisUrl: string; databaseUrl: string }) {}

  redis(): Redis {
    const connection = new Redis(this.services.redisUrl, { maxRetriesPerRequest: null });
    this.connections.push(connection);
    return connection;
  }

  queueName(prefix = 'tollgate-worker-test'): string {
    const name = uniqueName(prefix);
    this.queueNames.add(name);
    return name;
  }

  /** Opens (and by default migrates) the ledger in a schema; the same schema name opens another handle on it. */
  async database(schema: string = uniqueName('worker_test'), options: Omit<OpenLedgerDatabaseOptions, 'url' | 'schema'> = {}): Promise<{ db: LedgerDb; schema: string }> {
    this.schemas.add(schema);
    const db = await openLedgerDatabase({ ...options, url: this.services.databaseUrl, schema, poolSize: options.poolSize ?? 4 });
    this.databases.push(db);
    return { db, schema };
  }

  async cleanup(): Promise<void> {
    const connection = this.redis();
    for (const name of this.queueNames) {
      const queue = new Queue(name, { connection });
      await queue.obliterate({ force: true });
      await queue.close();
    }
    await Promise.all(this.databases.map((db) => db.destroy().catch(() => undefined)));
    if (this.schemas.size > 0) {
      const admin = await openLedgerDatabase({ url: this.services.databaseUrl, migrate: false, poolSize: 1 });
      for (const schema of this.schemas) await admin.schema.dropSchema(schema).ifExists().cascade().execute();
      await admin.destroy();
    }
    await Promise.all(this.connections.map((redis) => redis.quit().catch(() => undefined)));
  }
}
