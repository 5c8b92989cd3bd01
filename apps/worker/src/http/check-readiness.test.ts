import { openLedgerDatabase, type LedgerDb } from '@tollgate/ledger';
import type { Redis } from 'ioredis';
import { createReadinessCheck } from './check-readiness.js';

describe('createReadinessCheck', () => {
  let db: LedgerDb;
  beforeAll(async () => {
    db = await openLedgerDatabase({ url: ':memory:' });
  });
  afterAll(() => db.destroy());

  const redisAnswering = (ping: () => Promise<string>) => ({ ping }) as unknown as Redis;

  it('is ready when the database and Redis answer and the worker is running', async () => {
    const check = createReadinessCheck({ db, redis: redisAnswering(async () => 'PONG'), isClosing: () => false });
    expect(await check()).toEqual({ ready: true, db: 'connected', redis: 'connected', worker: 'running' });
  });

  it('is not ready when Redis fails or hangs past the timeout, or once shutdown began', async () => {
    const failing = createReadinessCheck({ db, redis: redisAnswering(() => Promise.reject(new Error('ECONNREFUSED'))), isClosing: () => false });
    expect(await failing()).toEqual({ ready: false, db: 'connected', redis: 'ECONNREFUSED', worker: 'running' });
    const hanging = createReadinessCheck({ db, redis: redisAnswering(() => new Promise(() => undefined)), isClosing: () => false, timeoutMs: 50 });
    expect(await hanging()).toMatchObject({ ready: false, redis: 'no answer within 50 ms' });
    const closing = createReadinessCheck({ db, redis: redisAnswering(async () => 'PONG'), isClosing: () => true });
    expect(await closing()).toMatchObject({ ready: false, worker: 'closing' });
  });

  it('is not ready when the ledger tables are missing', async () => {
    const empty = await openLedgerDatabase({ url: ':memory:', migrate: false });
    const check = createReadinessCheck({ db: empty, redis: redisAnswering(async () => 'PONG'), isClosing: () => false });
    expect(await check()).toMatchObject({ ready: false, db: expect.stringContaining('no such table') });
    await empty.destroy();
  });
});
