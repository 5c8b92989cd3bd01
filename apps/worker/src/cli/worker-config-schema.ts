import { assertTimeZone, isDuration, parseDuration } from '@tollgate/ledger';
import { SPEND_QUEUE_NAME } from '@tollgate/ledger/queue';
import { z } from 'zod';
import { MAINTENANCE_QUEUE_NAME } from '../maintenance/maintenance-jobs.js';

/** Settings of a worker process, read from flags and environment variables (see the README's table). */
export interface WorkerConfig {
  /** Redis holding the spend and maintenance queues. */
  redisUrl: string;
  /** The ledger: `postgres://…` from DATABASE_URL, else the SQLite file TOLLGATE_DB. */
  databaseUrl: string;
  /** PostgreSQL schema holding the ledger (DATABASE_SCHEMA); default the server's search path. */
  databaseSchema?: string;
  /** Port of the health and metrics server (0 picks a free one). */
  port: number;
  host: string;
  spendQueueName: string;
  maintenanceQueueName: string;
  /** Most events per transaction. */
  batchSize: number;
  /** Spend jobs held at once; default 2 × batchSize. */
  concurrency?: number;
  /** How long a dead worker's jobs stay locked before another worker takes them over. */
  lockDurationMs: number;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Spend-log retention (`maximum_spend_logs_retention_period` and how often it runs), or none. */
  retention?: { period: string; everyMs: number };
  budgetResetEveryMs: number;
  /** IANA zone of the budget calendar (`litellm_settings.timezone`). */
  timezone: string;
}

const UNIT_MS = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 } as const;
const DAY_MS = UNIT_MS.d;

/** Milliseconds of a duration of fixed length; undefined for months, whose length varies. */
function fixedDurationMs(text: string): number | undefined {
  const duration = parseDuration(text);
  return duration.unit === 'mo' ? undefined : duration.value * UNIT_MS[duration.unit];
}

function isTimeZone(zone: string): boolean {
  try {
    assertTimeZone(zone);
    return true;
  } catch {
    return false;
  }
}

/** A duration of fixed length (`30s`, `5m`, `1h`; months vary, so not here) in milliseconds. */
const intervalMs = z
  .string()
  .refine((text) => isDuration(text) && fixedDurationMs(text) !== undefined, { error: 'expected a duration such as "30s", "5m" or "1h"' })
  .transform((text) => fixedDurationMs(text) as number);

const integer = (min: number, max: number) =>
  z.coerce
    .number({ error: `expected an integer from ${min} to ${max}` })
    .int({ error: `expected an integer from ${min} to ${max}` })
    .min(min, { error: `expected an integer from ${min} to ${max}` })
    .max(max, { error: `expected an integer from ${min} to ${max}` });

/**
 * The raw settings, keyed by environment variable name (a flag sets the same entry). A spend log is the ledger's only
 * memory of a request id, so retention under a day could let a late redelivery count twice: it is refused.
 */
export const workerSettingsSchema = z
  .object({
    REDIS_URL: z
      .string({ error: 'is required: the Redis holding the spend queue, e.g. redis://127.0.0.1:6379' })
      .regex(/^rediss?:\/\//, { error: 'expected a redis:// or rediss:// URL' }),
    DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, { error: 'expected a postgres:// URL (for SQLite use TOLLGATE_DB)' }).optional(),
    DATABASE_SCHEMA: z
      .string()
      .regex(/^[a-z_][a-z0-9_]{0,62}$/, { error: 'expected a plain lower-case identifier' })
      .optional(),
    TOLLGATE_DB: z.string().min(1).default('.tollgate/tollgate.db'),
    WORKER_PORT: integer(0, 65_535).default(4001),
    WORKER_HOST: z.string().min(1).default('0.0.0.0'),
    SPEND_QUEUE_NAME: z.string().regex(/^[^:\s]+$/, { error: 'expected a name without spaces or ":"' }).default(SPEND_QUEUE_NAME),
    MAINTENANCE_QUEUE_NAME: z.string().regex(/^[^:\s]+$/, { error: 'expected a name without spaces or ":"' }).default(MAINTENANCE_QUEUE_NAME),
    BATCH_SIZE: integer(1, 5_000).default(500),
    WORKER_CONCURRENCY: integer(1, 20_000).optional(),
    WORKER_LOCK_DURATION: intervalMs.default(30_000),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    RETENTION: z
      .string()
      .refine(isDuration, { error: 'expected a duration such as "30d", "12w" or "6mo"' })
      .refine((text) => (fixedDurationMs(text) ?? DAY_MS) >= DAY_MS, {
        error: 'must be at least 1d: a spend log is what keeps a redelivered event from counting twice',
      })
      .optional(),
    RETENTION_INTERVAL: intervalMs.default(3_600_000),
    BUDGET_RESET_INTERVAL: intervalMs.default(60_000),
    BUDGET_TIMEZONE: z.string().refine(isTimeZone, { error: 'expected an IANA time zone such as "UTC" or "Europe/Berlin"' }).default('UTC'),
  })
  .refine((settings) => settings.DATABASE_SCHEMA === undefined || settings.DATABASE_URL !== undefined, {
    error: 'applies to PostgreSQL only: set DATABASE_URL too',
    path: ['DATABASE_SCHEMA'],
  })
  .transform(
    (settings): WorkerConfig => ({
      redisUrl: settings.REDIS_URL,
      databaseUrl: settings.DATABASE_URL ?? settings.TOLLGATE_DB,
      databaseSchema: settings.DATABASE_SCHEMA,
      port: settings.WORKER_PORT,
      host: settings.WORKER_HOST,
      spendQueueName: settings.SPEND_QUEUE_NAME,
      maintenanceQueueName: settings.MAINTENANCE_QUEUE_NAME,
      batchSize: settings.BATCH_SIZE,
      concurrency: settings.WORKER_CONCURRENCY,
      lockDurationMs: settings.WORKER_LOCK_DURATION,
      logLevel: settings.LOG_LEVEL,
      retention: settings.RETENTION === undefined ? undefined : { period: settings.RETENTION, everyMs: settings.RETENTION_INTERVAL },
      budgetResetEveryMs: settings.BUDGET_RESET_INTERVAL,
      timezone: settings.BUDGET_TIMEZONE,
    }),
  );

/** Setting names (environment variables) in the order the usage text lists them. */
export type WorkerSettingName = keyof z.input<typeof workerSettingsSchema>;
