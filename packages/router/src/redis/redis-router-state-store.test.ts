import { setTimeout as sleep } from 'node:timers/promises';
import { createFailFastRedis } from '@tollgate/redis-kit';
import type { Redis } from 'ioredis';
import { RedisRouterStateStore } from './redis-router-state-store.js';
import { routerStateKeys } from './router-state-keys.js';
import {
  deleteRouterStateKeys,
  routerStateKeysUnder,
  uniqueRouterStatePrefix,
} from './testing-internal/redis-test-prefix.js';

const MINUTE = 60_000;
const start = 100 * MINUTE;
const redisUrl = process.env['REDIS_URL'];
const describeWithRedis = redisUrl ? describe : describe.skip;
if (!redisUrl) console.warn('RedisRouterStateStore tests against Redis skipped: set REDIS_URL to run them');

describeWithRedis('RedisRouterStateStore shared by several proxies', () => {
  let redis: Redis;
  let keyPrefix: string;
  const failOnWarning = {
    warn: (details: object, message: string) => {
      throw new Error(`${message}: ${JSON.stringify(details)}`);
    },
  };
  type StoreOptions = { inFlightLeaseMs?: number; maxWriteDelayMs?: number; maxStateAgeMs?: number };
  const storeFor = (instanceId: string, options: StoreOptions = {}) =>
    new RedisRouterStateStore({ redis, keyPrefix, instanceId, logger: failOnWarning, clock: () => start, ...options });

  beforeAll(() => {
    redis = createFailFastRedis(redisUrl!);
  });
  beforeEach(() => {
    keyPrefix = uniqueRouterStatePrefix();
  });
  afterEach(async () => {
    await deleteRouterStateKeys(redis, keyPrefix);
  });
  afterAll(async () => {
    await redis.quit();
  });

  it('lets every proxy see a cooldown set by one, and none can shorten it', async () => {
    const proxyA = storeFor('proxy-a');
    const proxyB = storeFor('proxy-b');
    await proxyA.setCooldown('x', { untilMs: start + 30_000 });
    await proxyB.setCooldown('x', { untilMs: start + 5_000 });
    for (const proxy of [proxyA, proxyB]) {
      expect((await proxy.getStates(['x'], { nowMs: start + 29_999 })).get('x')?.cooldownUntilMs).toBe(start + 30_000);
    }
    expect((await proxyB.getStates(['x'], { nowMs: start + 30_000 })).get('x')?.cooldownUntilMs).toBeUndefined();
  });

  it('sums usage of all proxies in the current minute and starts the next minute at zero', async () => {
    const proxyA = storeFor('proxy-a');
    const proxyB = storeFor('proxy-b');
    await proxyA.startRequest('x', { nowMs: start });
    await proxyB.startRequest('x', { nowMs: start + 10 });
    await proxyB.endRequest('x', { nowMs: start + 20, tokens: 40 });
    // A proxy's starts and ends travel with its next read; other proxies see them once sent (or after maxWriteDelayMs).
    await proxyB.flush();
    expect(await proxyA.recordFailure('x', { nowMs: start + 30 })).toBe(1);
    expect(await proxyB.recordFailure('x', { nowMs: start + 40 })).toBe(2);
    expect((await proxyA.getStates(['x'], { nowMs: start + 50 })).get('x')).toMatchObject({
      inFlight: 1,
      requestsThisMinute: 2,
      tokensThisMinute: 40,
    });

    await proxyB.startRequest('x', { nowMs: start + MINUTE });
    await proxyB.flush();
    expect((await proxyA.getStates(['x'], { nowMs: start + MINUTE })).get('x')).toMatchObject({
      inFlight: 2,
      requestsThisMinute: 1,
      tokensThisMinute: 0,
    });
    expect(await proxyA.recordFailure('x', { nowMs: start + MINUTE })).toBe(1);
  });

  it("ends a proxy's own call when it ends one, not another proxy's", async () => {
    const proxyA = storeFor('proxy-a');
    // Reads Redis every time: another proxy's calls show at once.
    const proxyB = storeFor('proxy-b', { maxStateAgeMs: 0 });
    await proxyA.startRequest('x', { nowMs: start });
    await proxyA.flush();
    await proxyB.endRequest('x', { nowMs: start });
    expect((await proxyB.getStates(['x'], { nowMs: start })).get('x')?.inFlight).toBe(1);
    await proxyA.endRequest('x', { nowMs: start });
    await proxyA.flush();
    expect((await proxyB.getStates(['x'], { nowMs: start })).get('x')?.inFlight).toBe(0);
  });

  it('stops counting the calls of a proxy that died once their lease ends, and sweeps them', async () => {
    const dead = storeFor('dead-proxy', { inFlightLeaseMs: 10_000 });
    const alive = storeFor('alive-proxy', { inFlightLeaseMs: 10_000, maxStateAgeMs: 0 });
    await dead.startRequest('x', { nowMs: start });
    await dead.flush();
    expect((await alive.getStates(['x'], { nowMs: start + 9_999 })).get('x')?.inFlight).toBe(1);
    expect((await alive.getStates(['x'], { nowMs: start + 10_000 })).get('x')?.inFlight).toBe(0);

    await alive.startRequest('x', { nowMs: start + 10_000 });
    await alive.flush();
    const members = await redis.zrangebyscore(routerStateKeys(keyPrefix).inFlight('x'), '-inf', '+inf');
    expect(members).toEqual(['alive-proxy:1']);
  });

  it("releases a closing proxy's calls in flight", async () => {
    const closing = storeFor('closing-proxy');
    const other = storeFor('other-proxy');
    await closing.startRequest('x', { nowMs: start });
    await closing.startRequest('y', { nowMs: start });
    await other.startRequest('x', { nowMs: start });
    await closing.close();
    const states = await other.getStates(['x', 'y'], { nowMs: start });
    expect(states.get('x')?.inFlight).toBe(1);
    expect(states.get('y')?.inFlight).toBe(0);
  });

  it('gives every key it writes a lifetime, ending a cooldown key with the cooldown', async () => {
    const store = storeFor('proxy-a');
    // Three calls, two ended: one stays in flight, so its key exists.
    for (let call = 0; call < 3; call += 1) await store.startRequest('x', { nowMs: start });
    await store.endRequest('x', { nowMs: start, tokens: 3, latency: { kind: 'response', latencyMs: 12 } });
    await store.endRequest('x', { nowMs: start, latency: { kind: 'first-chunk', latencyMs: 4 } });
    await store.recordFailure('x', { nowMs: start });
    await store.setCooldown('x', { untilMs: start + 20_000 });
    await store.setCooldown('x', { untilMs: start + 2_000 });
    await store.flush();

    const keys = await routerStateKeysUnder(redis, keyPrefix);
    expect(keys).toHaveLength(5);
    const lifetimes = new Map(await Promise.all(keys.map(async (key) => [key, await redis.pttl(key)] as const)));
    for (const [key, ttlMs] of lifetimes) {
      expect({ key, hasLifetime: ttlMs > 0 }).toEqual({ key, hasLifetime: true });
    }
    const names = routerStateKeys(keyPrefix);
    // The store's wall clock says `start`: the key ends with the cooldown, 20 s later (not 2 s: never shortened).
    expect(lifetimes.get(names.cooldown('x'))).toBeGreaterThan(19_000);
    expect(lifetimes.get(names.cooldown('x'))).toBeLessThanOrEqual(20_000);
    expect(lifetimes.get(names.minute('x', start / MINUTE))).toBeLessThanOrEqual(2 * MINUTE);
    expect(lifetimes.get(names.inFlight('x'))).toBeLessThanOrEqual(10 * MINUTE);
  });

  it("answers reads from the state read at most maxStateAgeMs ago, with the proxy's own calls and cooldowns at once", async () => {
    const proxyA = storeFor('proxy-a', { maxStateAgeMs: 1_000 });
    const proxyB = storeFor('proxy-b');
    await redis.ping(); // the connection handshake is not part of the reads
    const sent = jest.spyOn(redis, 'sendCommand');
    try {
      const ids = Array.from({ length: 20 }, (_unused, index) => `deployment-${index}`);
      expect((await proxyA.getStates(ids, { nowMs: start })).size).toBe(20);
      expect(sent).toHaveBeenCalledTimes(1);

      await proxyB.startRequest('deployment-1', { nowMs: start });
      await proxyB.flush();
      await proxyA.startRequest('deployment-1', { nowMs: start + 1 });
      await proxyA.endRequest('deployment-1', { nowMs: start + 2, tokens: 9, latency: { kind: 'response', latencyMs: 3 } });
      await proxyA.startRequest('deployment-1', { nowMs: start + 3 });
      await proxyA.setCooldown('deployment-2', { untilMs: start + 5_000 });
      const cached = await proxyA.getStates(['deployment-1', 'deployment-2'], { nowMs: start + 400 });
      // proxy B's call is not seen yet; proxy A's own are, though not sent to Redis yet.
      expect(cached.get('deployment-1')).toMatchObject({
        inFlight: 1,
        requestsThisMinute: 2,
        tokensThisMinute: 9,
        responseLatencies: [{ latencyMs: 3, atMs: start + 2 }],
      });
      expect(cached.get('deployment-2')?.cooldownUntilMs).toBe(start + 5_000);
      // B's flush, A's setCooldown, no read by A.
      expect(sent).toHaveBeenCalledTimes(3);

      const fresh = await proxyA.getStates(['deployment-1'], { nowMs: start + 1_000 });
      expect(fresh.get('deployment-1')).toMatchObject({ inFlight: 2, requestsThisMinute: 3, tokensThisMinute: 9 });
      // One command: A's buffered starts and end travelled with its read.
      expect(sent).toHaveBeenCalledTimes(4);
    } finally {
      sent.mockRestore();
    }
  });

  it('refreshes the state in the background once it is past half its age', async () => {
    const proxyA = storeFor('proxy-a', { maxStateAgeMs: 1_000 });
    const proxyB = storeFor('proxy-b');
    expect((await proxyA.getStates(['x'], { nowMs: start })).get('x')?.inFlight).toBe(0);
    await proxyB.startRequest('x', { nowMs: start });
    await proxyB.flush();
    expect((await proxyA.getStates(['x'], { nowMs: start + 600 })).get('x')?.inFlight).toBe(0);
    await proxyA.flush(); // waits for the background read too
    expect((await proxyA.getStates(['x'], { nowMs: start + 601 })).get('x')?.inFlight).toBe(1);
  });

  it('sends the reads of requests routed in the same tick in one socket write', async () => {
    const store = storeFor('proxy-a');
    await redis.ping();
    const write = jest.spyOn(redis.stream, 'write');
    const writev = jest.spyOn(redis.stream as unknown as { _writev: (...args: unknown[]) => void }, '_writev');
    try {
      const reads = Array.from({ length: 10 }, (_unused, index) => store.getStates([`deployment-${index}`], { nowMs: start }));
      expect((await Promise.all(reads)).map((states) => states.size)).toEqual(Array.from({ length: 10 }, () => 1));
      expect(write).toHaveBeenCalledTimes(10);
      expect(writev).toHaveBeenCalledTimes(1);
    } finally {
      write.mockRestore();
      writev.mockRestore();
    }
  });

  it('sends buffered starts and ends on their own when no read comes within maxWriteDelayMs', async () => {
    const store = storeFor('proxy-a', { maxWriteDelayMs: 20 });
    await store.startRequest('x', { nowMs: start });
    const inFlight = routerStateKeys(keyPrefix).inFlight('x');
    while ((await redis.zcard(inFlight)) === 0) await sleep(5);
    expect(await redis.zrangebyscore(inFlight, '-inf', '+inf')).toEqual(['proxy-a:1']);
  });
});

describe('RedisRouterStateStore when Redis is unreachable', () => {
  it('answers reads with empty states quickly, drops writes without throwing, and logs once', async () => {
    const redis = createFailFastRedis('redis://127.0.0.1:1', { commandTimeoutMs: 200, connectTimeoutMs: 200 });
    redis.on('error', () => undefined);
    const warnings: string[] = [];
    const store = new RedisRouterStateStore({
      redis,
      keyPrefix: uniqueRouterStatePrefix(),
      commandTimeoutMs: 200,
      logger: { warn: (_details, message) => warnings.push(message) },
    });
    try {
      const startedAt = Date.now();
      const states = await store.getStates(['x', 'y'], { nowMs: start });
      expect(Date.now() - startedAt).toBeLessThan(1_000);
      expect(states.get('x')).toMatchObject({ cooldownUntilMs: undefined, inFlight: 0, requestsThisMinute: 0 });
      expect(states.get('y')).toMatchObject({ cooldownUntilMs: undefined, inFlight: 0, responseLatencies: [] });

      await expect(store.startRequest('x', { nowMs: start })).resolves.toBeUndefined();
      await expect(store.endRequest('x', { nowMs: start, tokens: 5 })).resolves.toBeUndefined();
      await expect(store.setCooldown('x', { untilMs: start + 5_000 })).resolves.toBeUndefined();
      await expect(store.recordFailure('x', { nowMs: start })).resolves.toBe(1);
      await expect(store.close()).resolves.toBeUndefined();
      expect(Date.now() - startedAt).toBeLessThan(3_000);
      expect(warnings).toHaveLength(1);
    } finally {
      redis.disconnect();
    }
  });
});
