import type { AdmitRequest, BudgetWindowLimit, ScopeLimits } from './admit-request.js';
import type { AdmitResult } from './admission-result.js';
import type { LimitScope } from './limit-scope.js';
import type { SeedBudget } from './limiter-options.js';
import { type BackendHarness, type BackendPair, memoryHarness, redisHarness } from './testing-internal/backend-harness.js';

const REDIS_URL = process.env.REDIS_URL;
if (!REDIS_URL) console.warn('limits: REDIS_URL is not set, so the Redis backend runs none of the shared limit tests');

/** A fixed, realistic instant: tests drive time through `nowMs`. */
const T0 = 1_700_000_040_000;
const USD = 1_000_000_000;
const KEY: LimitScope = { kind: 'key', id: 'key-hash-1' };
const TEAM: LimitScope = { kind: 'team', id: 'team-a' };

const totalWindow = (maxNano: number, extra: Partial<BudgetWindowLimit> = {}): BudgetWindowLimit => ({
  windowId: 'total',
  maxNano,
  windowStartMs: 0,
  resetAtMs: null,
  ...extra,
});

const seedZero: SeedBudget = async () => 0;

let requestCounter = 0;
function request(scopes: ScopeLimits[], options: Partial<AdmitRequest> = {}): AdmitRequest {
  requestCounter += 1;
  return { requestId: `req-${requestCounter}`, scopes, reserveNano: 0, reserveTokens: 0, nowMs: T0, ...options };
}

const admittedOf = (results: AdmitResult[]) => results.filter((result) => result.outcome === 'admitted');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const cases: [string, () => BackendHarness][] = [['memory', memoryHarness]];
if (REDIS_URL) cases.push(['redis', () => redisHarness(REDIS_URL)]);

describe.each(cases)('%s limit backend', (_name, makeHarness) => {
  let harness: BackendHarness;
  beforeEach(() => {
    harness = makeHarness();
  });
  afterEach(async () => {
    await harness.cleanup();
  });
  const create = (options: Partial<Parameters<BackendHarness['create']>[0]> = {}): BackendPair =>
    harness.create({ seed: seedZero, ...options });

  it('admits exactly what fits a budget out of 100 concurrent admissions, and spend stays under it', async () => {
    const { first, second } = create();
    const window = totalWindow(10_000);
    const scopes = [{ scope: KEY, budgets: [window] }];
    const results = await Promise.all(
      Array.from({ length: 100 }, (_unused, index) =>
        (index % 2 === 0 ? first : second).admit(request(scopes, { reserveNano: 1_000 })),
      ),
    );
    const admitted = admittedOf(results);
    expect(admitted).toHaveLength(10);
    for (const result of results) {
      if (result.outcome === 'refused') {
        expect(result.refusal).toMatchObject({ limit: 'budget', scope: KEY, max: 10_000, requested: 1_000 });
        expect(result.refusal.current).toBeLessThanOrEqual(10_000);
        expect(result.refusal.retryAfterSeconds).toBeNull();
      }
    }
    expect(results.filter((result) => result.outcome === 'refused')).toHaveLength(90);
    // Admitted on `first` when index is even: settle each where it was admitted.
    await Promise.all(
      results.map((result, index) =>
        result.outcome === 'admitted'
          ? (index % 2 === 0 ? first : second).settle({ requestId: result.requestId, actualCostNano: 700, actualTokens: 0, nowMs: T0 + 1 })
          : Promise.resolve(undefined),
      ),
    );
    const reading = await first.readBudget({ scope: KEY, window, nowMs: T0 + 2 });
    expect(reading).toEqual({ seeded: true, committedNano: 7_000, reservedNano: 0 });
    // 3,000 left: exactly three more of the next hundred fit.
    const more = await Promise.all(
      Array.from({ length: 100 }, () => first.admit(request(scopes, { reserveNano: 1_000, nowMs: T0 + 3 }))),
    );
    expect(admittedOf(more)).toHaveLength(3);
  });

  it('keeps admitting after zero-token and zero-cost entries leave their windows (no "-0" counter updates)', async () => {
    const { first } = create();
    const scopes = [{ scope: KEY, tpm: 1_000, budgets: [totalWindow(10_000)] }];
    const zero = await first.admit(request(scopes, { reserveNano: 0, reserveTokens: 0, nowMs: T0, leaseMs: 1_000 }));
    expect(zero.outcome).toBe('admitted');
    // Never settled: its zero reservation expires with the lease, its zero-token entry slides out of the minute.
    const later = await first.admit(request(scopes, { reserveNano: 10, reserveTokens: 5, nowMs: T0 + 61_000 }));
    expect(later.outcome).toBe('admitted');
  });

  it('admits exactly 60 of 200 concurrent requests under rpm 60, across two proxies', async () => {
    const { first, second } = create();
    const scopes = [{ scope: KEY, rpm: 60 }];
    const results = await Promise.all(
      Array.from({ length: 200 }, (_unused, index) =>
        (index % 2 === 0 ? first : second).admit(request(scopes, { nowMs: T0 + (index % 7) })),
      ),
    );
    expect(admittedOf(results)).toHaveLength(60);
    const refusal = results.find((result) => result.outcome === 'refused');
    expect(refusal).toMatchObject({ refusal: { limit: 'rpm', current: 60, max: 60 } });
  });

  it('slides the rpm window: entries leave exactly one window after their admission', async () => {
    const { first } = create();
    const scopes = [{ scope: KEY, rpm: 60 }];
    for (let second = 0; second < 60; second += 1) {
      const result = await first.admit(request(scopes, { nowMs: T0 + second * 1_000 }));
      expect(result.outcome).toBe('admitted');
    }
    const full = await first.admit(request(scopes, { nowMs: T0 + 59_500 }));
    expect(full).toMatchObject({
      outcome: 'refused',
      refusal: { limit: 'rpm', current: 60, retryAtMs: T0 + 60_000, retryAfterSeconds: 1 },
      rateLimits: { requests: { limit: 60, remaining: 0, resetMs: 59_000 + 60_000 - 59_500 } },
    });
    // At 60.5 s the request from t=0 has left the window, the one from t=1 s has not.
    expect((await first.admit(request(scopes, { nowMs: T0 + 60_500 }))).outcome).toBe('admitted');
    expect((await first.admit(request(scopes, { nowMs: T0 + 60_600 }))).outcome).toBe('refused');
    expect((await first.admit(request(scopes, { nowMs: T0 + 61_000 }))).outcome).toBe('admitted');
  });

  it('never holds more than 5 parallel slots among 50 concurrent requests, and frees them all', async () => {
    const { first, second } = create();
    const scopes = [{ scope: KEY, maxParallel: 5 }];
    const burst = await Promise.all(
      Array.from({ length: 50 }, (_unused, index) => (index % 2 ? first : second).admit(request(scopes, { nowMs: undefined }))),
    );
    expect(admittedOf(burst)).toHaveLength(5);
    expect(burst.find((result) => result.outcome === 'refused')).toMatchObject({
      refusal: { limit: 'max_parallel', current: 5, max: 5, retryAfterSeconds: 1 },
    });
    await Promise.all(
      burst.map((result, index) =>
        result.outcome === 'admitted' ? (index % 2 ? first : second).release({ requestId: result.requestId }) : Promise.resolve(undefined),
      ),
    );

    let inFlight = 0;
    let maxInFlight = 0;
    const worker = async (index: number) => {
      const backend = index % 2 ? first : second;
      for (;;) {
        const result = await backend.admit(request(scopes, { nowMs: undefined }));
        if (result.outcome === 'admitted') {
          inFlight += 1;
          maxInFlight = Math.max(maxInFlight, inFlight);
          await sleep(3);
          inFlight -= 1;
          // Half end with a cost, half fail: both free the slot.
          const ended =
            index % 4 < 2
              ? await backend.settle({ requestId: result.requestId, actualCostNano: 1, actualTokens: 1 })
              : await backend.release({ requestId: result.requestId });
          expect(ended.outcome).toBe('settled');
          return;
        }
        expect(result.outcome).toBe('refused');
        await sleep(1);
      }
    };
    await Promise.all(Array.from({ length: 50 }, (_unused, index) => worker(index)));
    expect(maxInFlight).toBeLessThanOrEqual(5);
    expect(maxInFlight).toBeGreaterThan(1);
    const afterwards = await Promise.all(Array.from({ length: 5 }, () => first.admit(request(scopes, { nowMs: undefined }))));
    expect(admittedOf(afterwards)).toHaveLength(5);
  });

  it('frees a parallel slot and a reservation whose lease ran out, and still counts a late settle once', async () => {
    const { first } = create();
    const window = totalWindow(1_000);
    const scopes = [{ scope: KEY, maxParallel: 1, budgets: [window] }];
    const held = await first.admit(request(scopes, { reserveNano: 1_000, leaseMs: 1_000 }));
    expect(held.outcome).toBe('admitted');
    const blocked = await first.admit(request(scopes, { reserveNano: 1, nowMs: T0 + 999 }));
    expect(blocked).toMatchObject({ outcome: 'refused', refusal: { limit: 'budget', current: 1_000 } });
    const next = await first.admit(request(scopes, { reserveNano: 600, nowMs: T0 + 1_000 }));
    expect(next.outcome).toBe('admitted');
    // The proxy that held the expired lease was only slow: its cost is counted, once.
    const late = await first.settle({ requestId: held.requestId, actualCostNano: 300, actualTokens: 0, nowMs: T0 + 1_500 });
    expect(late).toMatchObject({ outcome: 'settled', leaseExpired: true });
    const again = await first.settle({ requestId: held.requestId, actualCostNano: 300, actualTokens: 0, nowMs: T0 + 1_600 });
    expect(again.outcome).toBe('already_settled');
    expect(await first.readBudget({ scope: KEY, window, nowMs: T0 + 1_700 })).toEqual({
      seeded: true,
      committedNano: 300,
      reservedNano: 600,
    });
  });

  it('settles idempotently: repeats, concurrent repeats, releases after settling, and unknown ids', async () => {
    const { first } = create();
    const window = totalWindow(USD);
    const scopes = [{ scope: KEY, budgets: [window], maxParallel: 1, tpm: 1_000 }];
    const admitted = await first.admit(request(scopes, { reserveNano: 500, reserveTokens: 100 }));
    const settle = () => first.settle({ requestId: admitted.requestId, actualCostNano: 400, actualTokens: 50, nowMs: T0 + 10 });
    const outcomes = (await Promise.all([settle(), settle(), settle()])).map((result) => result.outcome).sort();
    expect(outcomes).toEqual(['already_settled', 'already_settled', 'settled']);
    expect((await first.release({ requestId: admitted.requestId, nowMs: T0 + 11 })).outcome).toBe('already_settled');
    expect((await first.settle({ requestId: 'never-admitted', actualCostNano: 1, actualTokens: 1, nowMs: T0 })).outcome).toBe(
      'unknown',
    );
    expect(await first.readBudget({ scope: KEY, window, nowMs: T0 + 12 })).toEqual({
      seeded: true,
      committedNano: 400,
      reservedNano: 0,
    });
    const next = await first.admit(request(scopes, { reserveTokens: 950, nowMs: T0 + 13 }));
    expect(next).toMatchObject({ outcome: 'admitted', rateLimits: { tokens: { remaining: 0 } } });
  });

  it('seeds a missing counter from the database once, however many admissions wait for it', async () => {
    let calls = 0;
    const seed: SeedBudget = async (scope, window) => {
      calls += 1;
      expect(scope).toEqual(KEY);
      expect(window.windowId).toBe('total');
      await sleep(20);
      return 4_000n;
    };
    const { first, second } = create({ seed });
    const window = totalWindow(10_000);
    const scopes = [{ scope: KEY, budgets: [window] }];
    const results = await Promise.all(Array.from({ length: 20 }, () => first.admit(request(scopes, { reserveNano: 1_000 }))));
    expect(calls).toBe(1);
    expect(admittedOf(results)).toHaveLength(6);
    // The second proxy finds the counter seeded.
    expect((await second.admit(request(scopes, { reserveNano: 1 }))).outcome).toBe('refused');
    expect(calls).toBe(1);
  });

  it('counts a seed once when two proxies seed the same counter at the same time', async () => {
    const seed: SeedBudget = async () => {
      await sleep(20);
      return 4_000;
    };
    const { first, second } = create({ seed });
    const window = totalWindow(10_000);
    const scopes = [{ scope: KEY, budgets: [window] }];
    const results = await Promise.all(
      Array.from({ length: 20 }, (_unused, index) => (index % 2 ? first : second).admit(request(scopes, { reserveNano: 1_000 }))),
    );
    expect(admittedOf(results)).toHaveLength(6);
    expect(await first.readBudget({ scope: KEY, window, nowMs: T0 })).toEqual({
      seeded: true,
      committedNano: 4_000,
      reservedNano: 6_000,
    });
  });

  it('starts a new window on a new counter, seeded for that window (reset needs no job)', async () => {
    const seeded: number[] = [];
    const seed: SeedBudget = async (_scope, window) => {
      seeded.push(window.windowStartMs);
      return 0;
    };
    const { first } = create({ seed });
    const day = 86_400_000;
    const today: BudgetWindowLimit = { windowId: '24h', maxNano: 1_000, windowStartMs: T0, resetAtMs: T0 + day };
    const tomorrow: BudgetWindowLimit = { ...today, windowStartMs: T0 + day, resetAtMs: T0 + 2 * day };
    const spent = await first.admit(request([{ scope: KEY, budgets: [today] }], { reserveNano: 1_000 }));
    await first.settle({ requestId: spent.requestId, actualCostNano: 1_000, actualTokens: 0, nowMs: T0 + 1 });
    const refused = await first.admit(request([{ scope: KEY, budgets: [today] }], { reserveNano: 1, nowMs: T0 + 2 }));
    expect(refused).toMatchObject({
      outcome: 'refused',
      refusal: { windowId: '24h', retryAtMs: T0 + day, retryAfterSeconds: Math.ceil((day - 2) / 1000) },
    });
    const nextDay = await first.admit(request([{ scope: KEY, budgets: [tomorrow] }], { reserveNano: 1_000, nowMs: T0 + day }));
    expect(nextDay.outcome).toBe('admitted');
    expect(seeded).toEqual([T0, T0 + day]);
  });

  it('enforces each of several budget windows (daily $10 and monthly $100)', async () => {
    const spentSoFar: Record<string, number> = { 'key-daily:24h': 9.5 * USD, 'key-monthly:1mo': 99.8 * USD };
    const seed: SeedBudget = async (scope, window) => spentSoFar[`${scope.id}:${window.windowId}`] ?? 0;
    const { first } = create({ seed });
    const daily: BudgetWindowLimit = { windowId: '24h', maxNano: 10 * USD, windowStartMs: T0, resetAtMs: T0 + 86_400_000 };
    const monthly: BudgetWindowLimit = { windowId: '1mo', maxNano: 100 * USD, windowStartMs: T0, resetAtMs: T0 + 30 * 86_400_000 };
    const scopesOf = (id: string) => [{ scope: { kind: 'key' as const, id }, budgets: [daily, monthly] }];

    // Daily nearly spent, monthly not: the daily window refuses $1 and admits $0.50.
    expect(await first.admit(request(scopesOf('key-daily'), { reserveNano: USD }))).toMatchObject({
      outcome: 'refused',
      refusal: { limit: 'budget', windowId: '24h', current: 9.5 * USD, max: 10 * USD },
    });
    expect((await first.admit(request(scopesOf('key-daily'), { reserveNano: 0.5 * USD }))).outcome).toBe('admitted');
    // Monthly nearly spent, daily not: the monthly window refuses $0.50.
    expect(await first.admit(request(scopesOf('key-monthly'), { reserveNano: 0.5 * USD }))).toMatchObject({
      outcome: 'refused',
      refusal: { limit: 'budget', windowId: '1mo', current: 99.8 * USD },
    });
    expect((await first.admit(request(scopesOf('key-monthly'), { reserveNano: 0.2 * USD }))).outcome).toBe('admitted');
  });

  it('refuses atomically: a refusal by one limit records nothing in the others', async () => {
    const { first } = create();
    const window = totalWindow(10_000);
    const scopes = [
      { scope: KEY, budgets: [window], maxParallel: 10, rpm: 100 },
      { scope: TEAM, rpm: 0 },
    ];
    const refused = await first.admit(request(scopes, { reserveNano: 1_000 }));
    expect(refused).toMatchObject({ outcome: 'refused', refusal: { limit: 'rpm', scope: TEAM, retryAfterSeconds: null } });
    expect(await first.readBudget({ scope: KEY, window, nowMs: T0 })).toEqual({ seeded: true, committedNano: 0, reservedNano: 0 });
    const keyOnly = await first.admit(request([{ scope: KEY, rpm: 100, maxParallel: 10 }]));
    expect(keyOnly).toMatchObject({ outcome: 'admitted', rateLimits: { requests: { scope: KEY, remaining: 99 } } });
  });

  it('counts reserved tokens at admission and corrects them to the actual tokens at settlement', async () => {
    const { first } = create();
    const scopes = [{ scope: KEY, tpm: 1_000 }];
    const big = await first.admit(request(scopes, { reserveTokens: 600 }));
    expect(big).toMatchObject({ outcome: 'admitted', rateLimits: { tokens: { limit: 1_000, remaining: 400 } } });
    expect(await first.admit(request(scopes, { reserveTokens: 600, nowMs: T0 + 1 }))).toMatchObject({
      outcome: 'refused',
      refusal: { limit: 'tpm', current: 600, requested: 600, retryAtMs: T0 + 60_000 },
    });
    await first.settle({ requestId: big.requestId, actualCostNano: 0, actualTokens: 100, nowMs: T0 + 2 });
    const second = await first.admit(request(scopes, { reserveTokens: 600, nowMs: T0 + 3 }));
    expect(second).toMatchObject({ outcome: 'admitted', rateLimits: { tokens: { remaining: 300 } } });
    // 700 in the window; 400 more needs 100 to leave: the first entry (100 tokens, admitted at T0) is enough.
    expect(await first.admit(request(scopes, { reserveTokens: 400, nowMs: T0 + 4 }))).toMatchObject({
      outcome: 'refused',
      refusal: { limit: 'tpm', current: 700, retryAtMs: T0 + 60_000 },
    });
    expect(await first.admit(request(scopes, { reserveTokens: 1_001, nowMs: T0 + 5 }))).toMatchObject({
      outcome: 'refused',
      refusal: { limit: 'tpm', retryAtMs: null, retryAfterSeconds: null },
    });
    expect((await first.admit(request(scopes, { reserveTokens: 400, nowMs: T0 + 60_000 }))).outcome).toBe('admitted');
  });

  it('reports a soft budget once per window, at the settlement that reaches it', async () => {
    const { first } = create();
    const window = totalWindow(100_000, { softNano: 5_000 });
    const scopes = [{ scope: TEAM, budgets: [window] }];
    const crossings: unknown[][] = [];
    for (let index = 0; index < 3; index += 1) {
      const admitted = await first.admit(request(scopes, { reserveNano: 3_000 }));
      const settled = await first.settle({ requestId: admitted.requestId, actualCostNano: 3_000, actualTokens: 0, nowMs: T0 });
      crossings.push(settled.softBudgetCrossings);
    }
    expect(crossings).toEqual([[], [{ scope: TEAM, windowId: 'total', softNano: 5_000, windowStartMs: 0 }], []]);
  });

  it('returns header data for the most restrictive scope', async () => {
    const { first } = create();
    const scopes = [
      { scope: KEY, rpm: 10, tpm: 1_000 },
      { scope: TEAM, rpm: 5, tpm: 5_000 },
    ];
    const admitted = await first.admit(request(scopes, { reserveTokens: 300 }));
    expect(admitted).toMatchObject({
      outcome: 'admitted',
      rateLimits: {
        requests: { scope: TEAM, limit: 5, remaining: 4, resetMs: 60_000 },
        tokens: { scope: KEY, limit: 1_000, remaining: 700, resetMs: 60_000 },
      },
    });
  });

  it('rejects a second admission with the same request id', async () => {
    const { first } = create();
    await first.admit(request([{ scope: KEY, rpm: 10 }], { requestId: 'same-id' }));
    await expect(first.admit(request([{ scope: KEY, rpm: 10 }], { requestId: 'same-id' }))).rejects.toThrow(
      /already admitted/,
    );
  });

  it('answers unavailable (fail closed) when a seed fails, or admits when failing open', async () => {
    const seed: SeedBudget = async () => {
      throw new Error('database down');
    };
    const warnings: string[] = [];
    const logger = { warn: (message: string) => void warnings.push(message) };
    const scopes = [{ scope: KEY, budgets: [totalWindow(10)] }];
    const closed = create({ seed, logger }).first;
    expect(await closed.admit(request(scopes))).toMatchObject({ outcome: 'unavailable' });
    const open = create({ seed, logger, failOpen: true }).first;
    expect(await open.admit(request(scopes))).toMatchObject({ outcome: 'admitted', failedOpen: true });
    expect(warnings).toHaveLength(2);
  });

  it('bounds a seed that never answers', async () => {
    const seed: SeedBudget = () => new Promise(() => {});
    const warnings: string[] = [];
    const { first } = create({ seed, seedTimeoutMs: 50, logger: { warn: (message) => void warnings.push(message) } });
    const started = Date.now();
    const result = await first.admit(request([{ scope: KEY, budgets: [totalWindow(10)] }]));
    expect(result).toMatchObject({ outcome: 'unavailable', reason: 'budget counters could not be seeded' });
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(warnings).toEqual(['limits: refused because limits could not be checked']);
  });
});

if (!REDIS_URL) {
  describe.skip('redis limit backend (REDIS_URL is not set)', () => {
    it('runs the shared limit tests against Redis', () => {});
  });
}

describe('memory limit backend: what it keeps', () => {
  it('forgets a settled request after settledRetentionMs: a repeat then answers unknown and still counts nothing', async () => {
    const harness = memoryHarness();
    try {
      const { first } = harness.create({ seed: seedZero, settledRetentionMs: 1_000 });
      const window = totalWindow(USD);
      const scopes = [{ scope: KEY, budgets: [window] }];
      const admitted = await first.admit(request(scopes, { reserveNano: 500 }));
      const settle = (nowMs: number) => first.settle({ requestId: admitted.requestId, actualCostNano: 400, actualTokens: 0, nowMs });
      expect((await settle(T0 + 10)).outcome).toBe('settled');
      expect((await settle(T0 + 999)).outcome).toBe('already_settled');
      // Requests keep arriving, so the sweep runs; the settled record is gone, the spend stays counted once.
      await first.admit(request(scopes, { reserveNano: 0, nowMs: T0 + 60_000 }));
      expect((await settle(T0 + 60_001)).outcome).toBe('unknown');
      expect(await first.readBudget({ scope: KEY, window, nowMs: T0 + 60_002 })).toEqual({ seeded: true, committedNano: 400, reservedNano: 0 });
    } finally {
      await harness.cleanup();
    }
  });
});
