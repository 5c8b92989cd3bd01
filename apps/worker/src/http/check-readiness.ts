import type { LedgerDb } from '@tollgate/ledger';
import type { Redis } from 'ioredis';

/** What `/health/readiness` reports. */
export interface ReadinessReport {
  ready: boolean;
  /** `connected`, or why not. */
  db: string;
  /** `connected`, or why not. */
  redis: string;
  /** `running`, or `closing` once shutdown began (so a load balancer or orchestrator stops counting on it). */
  worker: 'running' | 'closing';
}

/** Options of {@link createReadinessCheck}. */
export interface ReadinessCheckOptions {
  db: LedgerDb;
  redis: Redis;
  /** True once shutdown began. */
  isClosing: () => boolean;
  /** Longest each probe may take; default 2000 ms. */
  timeoutMs?: number;
}

async function probe(check: () => Promise<unknown>, timeoutMs: number): Promise<string> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<string>((resolve) => {
    timer = setTimeout(() => resolve(`no answer within ${timeoutMs} ms`), timeoutMs);
  });
  try {
    return await Promise.race([check().then(() => 'connected'), timeout]);
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Probes the database (a read of the spend-log table, so a schema that is not migrated counts as not ready) and Redis
 * (PING), each bounded by a timeout so a hung dependency answers "not ready" instead of hanging the probe.
 */
export function createReadinessCheck(options: ReadinessCheckOptions): () => Promise<ReadinessReport> {
  const timeoutMs = options.timeoutMs ?? 2_000;
  return async () => {
    const [db, redis] = await Promise.all([
      probe(() => options.db.selectFrom('spend_logs').select('request_id').limit(1).execute(), timeoutMs),
      probe(() => options.redis.ping(), timeoutMs),
    ]);
    const worker = options.isClosing() ? 'closing' : 'running';
    return { ready: db === 'connected' && redis === 'connected' && worker === 'running', db, redis, worker };
  };
}
