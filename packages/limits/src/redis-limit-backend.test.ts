import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Redis } from 'ioredis';
import type { AdmitRequest } from './admit-request.js';
import type { AdmitResult } from './admission-result.js';
import { CircuitOpenError, createFailFastRedis } from '@tollgate/redis-kit';
import { AdmitCode, SettleCode } from './limit-scripts.js';
import { RedisLimitBackend, type RedisLimitBackendOptions } from './redis-limit-backend.js';
import { redisLimitKeys } from './redis-limit-keys.js';
import { deleteKeys, uniqueKeyPrefix } from './testing-internal/backend-harness.js';
import { startSilentServer, startTcpRelay } from '@tollgate/testing';

const REDIS_URL = process.env.REDIS_URL;
const describeWithRedis = REDIS_URL ? describe : describe.skip;
if (!REDIS_URL) console.warn('limits: REDIS_URL is not set, so the Redis outage tests are skipped');

const T0 = 1_700_000_040_000;
const seed = async () => 0;
const quiet = { warn: () => {} };
const LIFETIME = { windowId: 'total', maxNano: 1e9, windowStartMs: 0, resetAtMs: null };
let requestCounter = 0;
const request = (options: Partial<AdmitRequest> = {}): AdmitRequest => ({
  requestId: `redis-req-${++requestCounter}`,
  scopes: [{ scope: { kind: 'key', id: 'k1' }, rpm: 1_000, budgets: [LIFETIME] }],
  reserveNano: 1_000,
  reserveTokens: 10,
  nowMs: T0,
  ...options,
});

const connections: Redis[] = [];
function backendOn(url: string, options: Partial<RedisLimitBackendOptions> = {}): RedisLimitBackend {
  const redis = createFailFastRedis(url, { commandTimeoutMs: 200, connectTimeoutMs: 200 });
  connections.push(redis);
  return new RedisLimitBackend({ seed, logger: quiet, commandTimeoutMs: 200, ...options, redis });
}
/**
 * Disconnects and waits (briefly) for the socket to close, so no ioredis timer outlives the test. A connection
 * that is between reconnect attempts has no socket and never emits `end`: hence the bound.
 */
async function disconnect(redis: Redis): Promise<void> {
  if (redis.status === 'end') return;
  await new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, 300);
    redis.once('end', () => {
      clearTimeout(timer);
      resolve();
    });
    redis.disconnect();
  });
}
afterEach(async () => {
  await Promise.all(connections.splice(0).map(disconnect));
});

describe('redis limit backend when Redis is down', () => {
  it('fails closed quickly against a closed port, then fast once the breaker opens', async () => {
    const backend = backendOn('redis://127.0.0.1:1', { circuitBreaker: { failureThreshold: 2, openMs: 60_000 } });
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const started = Date.now();
      expect(await backend.admit(request())).toMatchObject({ outcome: 'unavailable' });
      expect(Date.now() - started).toBeLessThan(1_500);
    }
    const started = Date.now();
    const result = await backend.admit(request());
    expect(Date.now() - started).toBeLessThan(50);
    expect(result.outcome === 'unavailable' && result.cause).toBeInstanceOf(CircuitOpenError);
    expect(await backend.settle({ requestId: 'x', actualCostNano: 1, actualTokens: 1 })).toMatchObject({
      outcome: 'unavailable',
    });
  });

  it('admits without checking, and logs it, when failing open', async () => {
    const warnings: unknown[] = [];
    const backend = backendOn('redis://127.0.0.1:1', {
      failOpen: true,
      logger: { warn: (message, fields) => void warnings.push({ message, ...fields }) },
    });
    const result = await backend.admit(request({ requestId: 'open-1' }));
    expect(result).toMatchObject({
      outcome: 'admitted',
      failedOpen: true,
      rateLimits: {},
      leaseExpiresAtMs: T0 + 15 * 60_000,
    });
    const warning = { requestId: 'open-1', message: expect.stringContaining('failOpen') };
    expect(warnings).toEqual([expect.objectContaining(warning)]);
  });

  it('never hangs on a Redis that accepts connections and never answers', async () => {
    const silent = await startSilentServer();
    try {
      const backend = backendOn(`redis://127.0.0.1:${silent.port}`);
      const started = Date.now();
      const results = await Promise.all(Array.from({ length: 20 }, () => backend.admit(request())));
      expect(results.every((result) => result.outcome === 'unavailable')).toBe(true);
      expect(Date.now() - started).toBeLessThan(2_000);
    } finally {
      // Server side first: ioredis then sees the socket close instead of waiting out its disconnect timer.
      await silent.close();
      await Promise.all(connections.splice(0).map(disconnect));
    }
  });
});

describeWithRedis('redis limit backend against a real Redis', () => {
  const redisUrl = REDIS_URL ?? '';
  const prefixes: string[] = [];
  let admin: Redis;
  beforeAll(() => {
    admin = createFailFastRedis(redisUrl);
  });
  afterAll(async () => {
    for (const prefix of prefixes) await deleteKeys(admin, redisLimitKeys(prefix).pattern);
    await admin.quit();
  });
  const freshPrefix = () => {
    const prefix = uniqueKeyPrefix();
    prefixes.push(prefix);
    return prefix;
  };

  it('ends every request in bounded time when Redis stops mid-burst; nothing is charged twice after', async () => {
    const { hostname, port } = new URL(redisUrl);
    const relay = await startTcpRelay({ host: hostname, port: Number(port || 6379) });
    try {
      const keyPrefix = freshPrefix();
      const backend = backendOn(`redis://127.0.0.1:${relay.port}`, {
        keyPrefix,
        commandTimeoutMs: 300,
        circuitBreaker: { failureThreshold: 5, openMs: 300 },
      });
      const window = LIFETIME;
      const scope = { kind: 'key' as const, id: 'burst' };
      const scopes = [{ scope, budgets: [window] }];
      const settleAll = (results: AdmitResult[], actualCostNano: number, nowMs: number) =>
        Promise.all(
          results.map((result) => backend.settle({ requestId: result.requestId, actualCostNano, actualTokens: 0, nowMs })),
        );
      const before = await Promise.all(Array.from({ length: 10 }, () => backend.admit(request({ scopes }))));
      expect(before.every((result) => result.outcome === 'admitted')).toBe(true);

      const started = Date.now();
      // A short lease: an admission whose reply the cut swallowed frees itself (its undo may fail too).
      const burst = Array.from({ length: 30 }, () => backend.admit(request({ scopes, leaseMs: 1_000 })));
      await relay.cut();
      const during = await Promise.all(burst);
      const settlesDuringOutage = await settleAll(before, 100, T0 + 1);
      expect(Date.now() - started).toBeLessThan(3_000);
      expect(during.every((result) => result.outcome === 'admitted' || result.outcome === 'unavailable')).toBe(true);
      expect(settlesDuringOutage.every((result) => result.outcome === 'unavailable')).toBe(true);

      await relay.restore();
      const retry = () => settleAll(before, 100, T0 + 2);
      const waitForRedis = async () => {
        for (let attempt = 0; attempt < 50; attempt += 1) {
          const reading = await backend.readBudget({ scope, window, nowMs: T0 }).catch(() => undefined);
          if (reading !== undefined) return;
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      };
      await waitForRedis();
      // The backend retries the failed settlements itself once Redis is back; a caller's retry finds each settled
      // (by the backend's retry or by its own), never counted twice.
      expect((await retry()).every((result) => result.outcome === 'settled' || result.outcome === 'already_settled')).toBe(true);
      expect((await retry()).map((result) => result.outcome)).toEqual(Array(10).fill('already_settled'));
      // Admissions of the burst that got through before the cut are settled too; the rest were never recorded
      // or were undone by the compensating release.
      const admittedDuring = during.filter((result) => result.outcome === 'admitted');
      await settleAll(admittedDuring, 1, T0 + 3);
      const reading = await backend.readBudget({ scope, window, nowMs: T0 + 1_000 });
      expect(reading.committedNano).toBe(10 * 100 + admittedDuring.length);
      expect(reading.reservedNano).toBe(0);
    } finally {
      await relay.close();
      await Promise.all(connections.splice(0).map(disconnect));
    }
  });

  it('retries a settlement that failed during an outage by itself once Redis is back: cost committed, reservation freed', async () => {
    const { hostname, port } = new URL(redisUrl);
    const relay = await startTcpRelay({ host: hostname, port: Number(port || 6379) });
    try {
      const backend = backendOn(`redis://127.0.0.1:${relay.port}`, { keyPrefix: freshPrefix(), commandTimeoutMs: 300, circuitBreaker: { failureThreshold: 5, openMs: 300 } });
      const scope = { kind: 'key' as const, id: 'retried' };
      const scopes = [{ scope, budgets: [LIFETIME] }];
      const admitted = await Promise.all(Array.from({ length: 5 }, () => backend.admit(request({ scopes }))));
      expect(admitted.every((result) => result.outcome === 'admitted')).toBe(true);
      await relay.cut();
      const settled = await Promise.all(admitted.map((result) => backend.settle({ requestId: result.requestId, actualCostNano: 700, actualTokens: 0, nowMs: T0 + 1 })));
      expect(settled.every((result) => result.outcome === 'unavailable')).toBe(true);
      await relay.restore();
      let reading = { committedNano: 0, reservedNano: -1 };
      for (let attempt = 0; attempt < 50 && reading.committedNano !== 5 * 700; attempt += 1) {
        await new Promise((resolve) => setTimeout(resolve, 200));
        reading = (await backend.readBudget({ scope, window: LIFETIME, nowMs: T0 + 2 }).catch(() => undefined)) ?? reading;
      }
      expect(reading).toMatchObject({ committedNano: 5 * 700, reservedNano: 0 });
    } finally {
      await relay.close();
      await Promise.all(connections.splice(0).map(disconnect));
    }
  });

  it('keeps every key under its prefix and one hash tag, so one admission stays in one cluster slot', async () => {
    const keyPrefix = freshPrefix();
    const backend = backendOn(redisUrl, { keyPrefix, commandTimeoutMs: 2_000 });
    const result = await backend.admit(
      request({
        scopes: [
          { scope: { kind: 'key', id: 'k:1' }, rpm: 10, tpm: 100, maxParallel: 2, budgets: [LIFETIME] },
          {
            scope: { kind: 'global', id: 'proxy' },
            budgets: [{ windowId: '24h', maxNano: 1e9, windowStartMs: T0, resetAtMs: T0 + 86_400_000 }],
          },
        ],
      }),
    );
    expect(result.outcome).toBe('admitted');
    const keys: string[] = [];
    let cursor = '0';
    do {
      const [next, found] = await admin.scan(cursor, 'MATCH', redisLimitKeys(keyPrefix).pattern, 'COUNT', 500);
      keys.push(...found);
      cursor = next;
    } while (cursor !== '0');
    expect(keys.length).toBe(9);
    for (const key of keys) expect(key.startsWith(`{tg:${keyPrefix}}:`)).toBe(true);
    // A windowed counter expires by itself after its window (plus retention); a lifetime counter never does.
    const windowed = keys.find((key) => key.includes(':budget:global:proxy:24h:'))!;
    expect(await admin.pttl(windowed)).toBeGreaterThan(86_400_000);
    expect(await admin.pttl(keys.find((key) => key.includes(':budget:key:k%3A1:total:'))!)).toBe(-1);
  });

  it('lets only the proxy that admitted a request settle it; another one only learns it is unknown to it', async () => {
    const keyPrefix = freshPrefix();
    const admitting = backendOn(redisUrl, { keyPrefix, commandTimeoutMs: 2_000 });
    const other = backendOn(redisUrl, { keyPrefix, commandTimeoutMs: 2_000 });
    const scope = { kind: 'key' as const, id: 'owner' };
    const admitted = await admitting.admit(request({ scopes: [{ scope, budgets: [LIFETIME] }] }));
    const settle = (backend: RedisLimitBackend) =>
      backend.settle({ requestId: admitted.requestId, actualCostNano: 5, actualTokens: 0, nowMs: T0 + 1 });
    expect((await settle(other)).outcome).toBe('unknown');
    expect(await admitting.readBudget({ scope, window: LIFETIME, nowMs: T0 + 1 })).toMatchObject({ reservedNano: 1_000 });
    expect((await settle(admitting)).outcome).toBe('settled');
    expect((await settle(other)).outcome).toBe('already_settled');
    expect(await other.readBudget({ scope, window: LIFETIME, nowMs: T0 + 2 })).toEqual({
      seeded: true,
      committedNano: 5,
      reservedNano: 0,
    });
  });

  it('can take time from Redis TIME instead of the caller', async () => {
    const backend = backendOn(redisUrl, { keyPrefix: freshPrefix(), timeSource: 'redis', commandTimeoutMs: 2_000 });
    const before = Date.now();
    const result = await backend.admit(request({ nowMs: 0, leaseMs: 1_000 }));
    expect(result.outcome).toBe('admitted');
    if (result.outcome !== 'admitted') return;
    expect(result.leaseExpiresAtMs).toBeGreaterThanOrEqual(before + 1_000 - 50);
    expect(result.leaseExpiresAtMs).toBeLessThanOrEqual(Date.now() + 1_000 + 50);
  });
});

describe('limit scripts', () => {
  const directory = join(__dirname, 'scripts');
  const files = readdirSync(directory).filter((file) => file.endsWith('.lua'));

  it.each(files)('%s opens with a header listing KEYS, ARGV and what it returns', (file) => {
    const source = readFileSync(join(directory, file), 'utf8');
    expect(source.startsWith('--[[')).toBe(true);
    const header = source.slice(0, source.indexOf(']]'));
    expect(header).toMatch(/KEYS/);
    expect(header).toMatch(/ARGV/);
    expect(header).toMatch(/Returns/);
    // `<name>-<n>.lua` declares a fixed key count; the others say theirs is variable.
    const fixed = /-(\d+)\.lua$/.exec(file);
    if (fixed) expect(header).toMatch(new RegExp(`\\[${fixed[1]}\\]`));
    else expect(header).toMatch(/variable count/);
  });

  it('documents every return code the TypeScript enums name', () => {
    const admit = readFileSync(join(directory, 'admit.lua'), 'utf8');
    for (const [name, code] of Object.entries(AdmitCode).filter(([, value]) => typeof value === 'number')) {
      expect(admit).toMatch(new RegExp(`${code} ${name}`));
    }
    const settle = readFileSync(join(directory, 'settle.lua'), 'utf8');
    for (const [name, code] of Object.entries(SettleCode).filter(([, value]) => typeof value === 'number')) {
      expect(settle).toMatch(new RegExp(`${code} ${name}`));
    }
  });
});
