import { MAINTENANCE_QUEUE_NAME } from '../maintenance/maintenance-jobs.js';
import { parseWorkerConfig, WorkerConfigError } from './parse-worker-config.js';

describe('parseWorkerConfig', () => {
  const env = { REDIS_URL: 'redis://127.0.0.1:6379' };

  it('fills defaults: SQLite file, port 4001, the ledger queue name, batches of 500', () => {
    expect(parseWorkerConfig({ argv: [], env })).toEqual({
      redisUrl: 'redis://127.0.0.1:6379',
      databaseUrl: '.tollgate/tollgate.db',
      databaseSchema: undefined,
      port: 4001,
      host: '0.0.0.0',
      spendQueueName: 'tollgate-spend',
      maintenanceQueueName: MAINTENANCE_QUEUE_NAME,
      batchSize: 500,
      concurrency: undefined,
      lockDurationMs: 30_000,
      logLevel: 'info',
      retention: undefined,
      budgetResetEveryMs: 60_000,
      timezone: 'UTC',
    });
  });

  it('prefers DATABASE_URL to TOLLGATE_DB, and flags to environment variables', () => {
    const config = parseWorkerConfig({
      argv: ['--batch-size=250', '--retention', '30d', '--retention-interval', '6h', '--timezone', 'Europe/Berlin', '--lock-duration', '5s'],
      env: { ...env, DATABASE_URL: 'postgres://db/ledger', TOLLGATE_DB: 'ignored.db', BATCH_SIZE: '10', WORKER_PORT: '9100', LOG_LEVEL: '' },
    });
    expect(config).toMatchObject({
      databaseUrl: 'postgres://db/ledger',
      batchSize: 250,
      port: 9100,
      logLevel: 'info',
      retention: { period: '30d', everyMs: 21_600_000 },
      timezone: 'Europe/Berlin',
      lockDurationMs: 5_000,
    });
    expect(parseWorkerConfig({ argv: ['--retention', '1mo'], env }).retention).toEqual({ period: '1mo', everyMs: 3_600_000 });
  });

  it('names every bad setting with its flag, and never echoes a URL', () => {
    let message = '';
    try {
      parseWorkerConfig({
        argv: ['--port', 'eighty', '--retention', '12h'],
        env: { REDIS_URL: 'http://user:secret@host', BATCH_SIZE: '0', BUDGET_TIMEZONE: 'Mars/Olympus' },
      });
    } catch (error) {
      expect(error).toBeInstanceOf(WorkerConfigError);
      message = (error as Error).message;
    }
    expect(message).toContain('REDIS_URL (--redis-url): expected a redis:// or rediss:// URL');
    expect(message).not.toContain('secret');
    expect(message).toContain('WORKER_PORT (--port): expected an integer from 0 to 65535, got "eighty"');
    expect(message).toContain('BATCH_SIZE (--batch-size): expected an integer from 1 to 5000, got "0"');
    expect(message).toContain('RETENTION (--retention): must be at least 1d');
    expect(message).toContain('BUDGET_TIMEZONE (--timezone): expected an IANA time zone');
  });

  it('refuses a PostgreSQL schema without a PostgreSQL database', () => {
    expect(() => parseWorkerConfig({ argv: ['--database-schema', 'ledger'], env })).toThrow(/DATABASE_SCHEMA \(--database-schema\): applies to PostgreSQL only/);
    expect(parseWorkerConfig({ argv: ['--database-schema', 'ledger', '--database-url', 'postgres://db/x'], env }).databaseSchema).toBe('ledger');
  });

  it('requires REDIS_URL, and refuses unknown flags and flags without a value', () => {
    expect(() => parseWorkerConfig({ argv: [], env: {} })).toThrow(/REDIS_URL \(--redis-url\): is required/);
    expect(() => parseWorkerConfig({ argv: ['--bogus', '1'], env })).toThrow(/unknown argument --bogus/);
    expect(() => parseWorkerConfig({ argv: ['--port'], env })).toThrow(/--port needs a value/);
    expect(() => parseWorkerConfig({ argv: ['--budget-reset-interval', '1mo'], env })).toThrow(/BUDGET_RESET_INTERVAL.*"30s", "5m" or "1h"/);
  });
});
