import { releaseEnding, settlementEnding, type RequestEnding } from './request-ending.js';
import { CircuitBreaker, type CircuitBreakerOptions, CircuitOpenError, coalesceWritesUntilNextTurn, withTimeout } from '@tollgate/redis-kit';
import type { Redis } from 'ioredis';
import { z } from 'zod';
import {
  admitRequestSchema,
  budgetReadRequestSchema,
  type AdmitRequest,
  type BudgetReadRequest,
  type ReleaseRequest,
  type SettleRequest,
} from './admit-request.js';
import type { AdmitResult, BudgetReading, LimitKind, SettleResult } from './admission-result.js';
import { type AdmissionPlan, budgetCounterIdOf, type PlannedBudget, planAdmission } from './admission-plan.js';
import type { LimitBackend } from './limit-backend.js';
import { refusalOf } from './limit-refusal.js';
import {
  AdmitCode,
  defineLimitScripts,
  LIMIT_SCRIPT_NAMES,
  limitScriptSource,
  type LimitScriptCall,
  type LimitScriptName,
  SettleCode,
} from './limit-scripts.js';
import {
  type LimiterOptions,
  resolveLimiterOptions,
  type ResolvedLimiterOptions,
  seededNanoOf,
} from './limiter-options.js';
import { rateLimitInfoOf, type RateLogStat } from './rate-limit-info.js';
import { redisLimitKeys, type RedisLimitKeys } from './redis-limit-keys.js';
import { SingleFlight } from './single-flight.js';
import { undecidedAdmission } from './undecided-admission.js';

export interface RedisLimitBackendOptions extends LimiterOptions {
  /** The connection (one per proxy); `createFailFastRedis` builds one with fail-fast settings. */
  redis: Redis;
  /** Namespace of every key, inside the hash tag `{tg:<keyPrefix>}`. Default `limits`. */
  keyPrefix?: string;
  /** Upper bound on one Redis round trip; past it the call counts as failed. Default 500 ms. */
  commandTimeoutMs?: number;
  /** When to stop calling a failing Redis for a while (default: after 5 consecutive failures, for 5 s). */
  circuitBreaker?: CircuitBreakerOptions;
  /**
   * `client` (default): scripts use the time the caller passes (its clock or `nowMs`), so tests can drive time and
   * proxies must keep their clocks NTP-synced (skew shifts sliding windows and leases by the skew). `redis`: scripts
   * read Redis `TIME`, immune to proxy skew but not drivable by tests; budget window boundaries still come from the
   * caller.
   */
  timeSource?: 'client' | 'redis';
}

const redisTuningSchema = z.strictObject({
  keyPrefix: z.string().default('limits'),
  commandTimeoutMs: z.number().int().positive().default(500),
  timeSource: z.enum(['client', 'redis']).default('client'),
});

/** An admission this proxy holds: enough to name every key its settle must touch. */
interface HeldAdmission {
  plan: AdmissionPlan;
  forgetAtMs: number;
}

/** By the admission script's reply code (a plain number from Redis). */
const REFUSAL_KINDS: Partial<Record<number, LimitKind>> = {
  [AdmitCode.BudgetExceeded]: 'budget',
  [AdmitCode.ParallelExceeded]: 'max_parallel',
  [AdmitCode.RpmExceeded]: 'rpm',
  [AdmitCode.TpmExceeded]: 'tpm',
};

/** How often settlements that Redis did not take are retried, and how many are kept for it. */
const ENDING_RETRY_INTERVAL_MS = 1_000;
const MAX_UNFINISHED_ENDINGS = 100_000;

/** How often (in request time) admissions that were never settled are forgotten. */
const SWEEP_INTERVAL_MS = 60_000;

/**
 * Live counters in Redis, shared exactly by every proxy: each admission is one script (one round trip) that checks
 * and records every limit atomically, each settlement is one script. Fails closed: a Redis that errors, times out
 * or is behind an open circuit breaker makes `admit` answer `unavailable` (or admit unchecked with `failOpen`).
 */
export class RedisLimitBackend implements LimitBackend {
  private readonly options: ResolvedLimiterOptions;
  private readonly keys: RedisLimitKeys;
  private readonly commandTimeoutMs: number;
  private readonly useRedisTime: boolean;
  private readonly scripts: Record<LimitScriptName, LimitScriptCall>;
  private readonly redis: Redis;
  private readonly breaker: CircuitBreaker;
  private readonly held = new Map<string, HeldAdmission>();
  private readonly seeding = new SingleFlight<void>();
  private nextSweepAtMs = 0;
  /** Settlements and releases that Redis did not take, retried in the background (see `finish`). */
  private readonly unfinished = new Map<string, RequestEnding>();
  private retryTimer: NodeJS.Timeout | undefined;

  constructor(options: RedisLimitBackendOptions) {
    const { redis, keyPrefix, commandTimeoutMs, circuitBreaker, timeSource, ...limiterOptions } = options;
    this.options = resolveLimiterOptions(limiterOptions);
    const tuning = redisTuningSchema.parse({ keyPrefix, commandTimeoutMs, timeSource });
    this.keys = redisLimitKeys(tuning.keyPrefix);
    this.commandTimeoutMs = tuning.commandTimeoutMs;
    this.useRedisTime = tuning.timeSource === 'redis';
    this.redis = redis;
    this.scripts = defineLimitScripts(redis);
    this.breaker = new CircuitBreaker(circuitBreaker);
  }

  /**
   * Loads the limit scripts into Redis (and so waits for the connection): call it before taking traffic, so the first
   * admissions find a connected client and compiled scripts instead of spending their bounded wait on both.
   */
  async warmUp(): Promise<void> {
    await Promise.all(LIMIT_SCRIPT_NAMES.map((name) => this.redis.script('LOAD', limitScriptSource(name))));
  }

  async admit(input: AdmitRequest): Promise<AdmitResult> {
    const request = admitRequestSchema.parse(input);
    const { leaseMs, retentionMs } = this.options;
    const plan = planAdmission({ request, defaultLeaseMs: leaseMs, retentionMs });
    const keys = this.admitKeys(plan);
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const nowMs = request.nowMs ?? this.options.clock();
      let reply: number[];
      try {
        reply = await this.run('admit', () => this.scripts.admit(keys, this.admitArgs(plan, nowMs)));
      } catch (error) {
        // A timed-out admission may still run later; undo it as soon as Redis gets to it.
        if (!(error instanceof CircuitOpenError)) this.releaseInBackground(plan, nowMs);
        return this.undecided(plan, nowMs, 'the limit store (Redis) could not be reached in time', error);
      }
      if (reply[0] === AdmitCode.Duplicate) {
        throw new Error(`limits: request id ${plan.requestId} was already admitted; every admission needs a new id`);
      }
      if (reply[0] !== AdmitCode.NeedsSeed) return this.admitResultOf(plan, reply);
      try {
        const unseeded = reply.slice(2).map((position) => plan.budgets[position - 1]!);
        await Promise.all(unseeded.map((budget) => this.seedCounter(budget, nowMs)));
      } catch (error) {
        return this.undecided(plan, nowMs, 'budget counters could not be seeded', error);
      }
    }
    return this.undecided(plan, request.nowMs ?? this.options.clock(), 'budget counters kept disappearing', undefined);
  }

  async settle(input: SettleRequest): Promise<SettleResult> {
    return this.finish(settlementEnding(input, this.options.clock));
  }

  async release(input: ReleaseRequest): Promise<SettleResult> {
    return this.finish(releaseEnding(input, this.options.clock));
  }

  /** Rejects when Redis cannot be read (there is no fail-open for a read). */
  async readBudget(input: BudgetReadRequest): Promise<BudgetReading> {
    const request = budgetReadRequestSchema.parse(input);
    const counterId = budgetCounterIdOf(request.scope, request.window);
    const [seeded, committedNano, reservedNano] = await this.run('readBudget', () =>
      this.scripts.readBudget(
        [this.keys.budgetCounter(counterId), this.keys.budgetLeases(counterId)],
        [this.timeArg(request.nowMs ?? this.options.clock())],
      ),
    );
    return { seeded: seeded === 1, committedNano: committedNano ?? 0, reservedNano: reservedNano ?? 0 };
  }

  private async finish(options: RequestEnding): Promise<SettleResult> {
    const { requestId, nowMs } = options;
    this.sweep(nowMs);
    const plan = this.held.get(requestId)?.plan;
    let reply: number[];
    try {
      const keys = this.settleKeys(requestId, plan);
      reply = await this.run('settle', () => this.scripts.settle(keys, this.settleArgs(options, plan)));
    } catch (error) {
      // Nothing is known to have changed; the entry stays, and the ending is retried in the background until Redis
      // takes it (the script is idempotent), so a call that ended during an outage still moves its cost from
      // reserved to committed instead of leaving its reservation until the lease ends and its cost uncounted.
      if (plan) this.retryLater(options);
      const detail = error instanceof Error ? error.message : String(error);
      const reason = `the limit store (Redis) could not be reached: ${detail}`;
      return { outcome: 'unavailable', requestId, leaseExpired: false, softBudgetCrossings: [], reason };
    }
    if (reply[0] !== SettleCode.Held) this.held.delete(requestId);
    const leaseExpired = reply[1] === 1;
    if (reply[0] === SettleCode.Settled && plan) {
      const softBudgetCrossings = reply.slice(2).map((position) => {
        const budget = plan.budgets[position - 1]!;
        return {
          scope: budget.scope,
          windowId: budget.window.windowId,
          softNano: budget.window.softNano ?? 0,
          windowStartMs: budget.window.windowStartMs,
        };
      });
      return { outcome: 'settled', requestId, leaseExpired, softBudgetCrossings };
    }
    const outcome = reply[0] === SettleCode.AlreadySettled ? 'already_settled' : 'unknown';
    return { outcome, requestId, leaseExpired, softBudgetCrossings: [] };
  }

  private admitResultOf(plan: AdmissionPlan, reply: number[]): AdmitResult {
    const [code, nowMs = 0, position = 0, current = 0, retryAtMs = 0] = reply;
    const stats = reply.slice(5);
    const statAt = (offset: number): RateLogStat => ({ used: stats[offset] ?? 0, newestMs: stats[offset + 1] || null });
    const rateLimits = rateLimitInfoOf({
      rpm: plan.rpm,
      rpmStats: plan.rpm.map((_limit, index) => statAt(2 * index)),
      tpm: plan.tpm,
      tpmStats: plan.tpm.map((_limit, index) => statAt(2 * plan.rpm.length + 2 * index)),
      nowMs,
      windowMs: this.options.rateWindowMs,
    });
    const limit = code === undefined ? undefined : REFUSAL_KINDS[code];
    if (limit === undefined) {
      this.sweep(nowMs);
      const leaseExpiresAtMs = nowMs + plan.leaseMs;
      this.held.set(plan.requestId, { plan, forgetAtMs: leaseExpiresAtMs + this.options.retentionMs });
      return { outcome: 'admitted', requestId: plan.requestId, leaseExpiresAtMs, rateLimits, failedOpen: false };
    }
    const refusal = refusalOf({
      plan,
      limit,
      index: position - 1,
      current,
      retryAtMs: limit === 'budget' || retryAtMs === 0 ? null : retryAtMs,
      nowMs,
      budgetRoomNano: limit === 'budget' ? retryAtMs : undefined,
    });
    return { outcome: 'refused', requestId: plan.requestId, refusal, rateLimits };
  }

  private seedCounter(budget: PlannedBudget, nowMs: number): Promise<void> {
    return this.seeding.run(budget.counterId, async () => {
      const seeded = await withTimeout(this.options.seed(budget.scope, budget.window), {
        timeoutMs: this.options.seedTimeoutMs,
        what: 'the budget seed',
      });
      const spendNano = seededNanoOf(seeded);
      await this.run('seedBudget', () =>
        this.scripts.seedBudget(
          [this.keys.budgetCounter(budget.counterId)],
          [this.timeArg(nowMs), String(spendNano), String(budget.expireAtMs)],
        ),
      );
    });
  }

  /** One bounded round trip behind the circuit breaker; the reply must be an array of integers. */
  private async run(name: LimitScriptName, call: () => Promise<unknown>): Promise<number[]> {
    const reply = await this.breaker.run(() => {
      coalesceWritesUntilNextTurn(this.redis);
      return withTimeout(call(), { timeoutMs: this.commandTimeoutMs, what: `Redis (${name} script)` });
    });
    return integersOf(name, reply);
  }

  private releaseInBackground(plan: AdmissionPlan, nowMs: number): void {
    const release = { requestId: plan.requestId, costNano: 0, tokens: 0, nowMs, finalState: 'released' } as const;
    const args = this.settleArgs(release, plan);
    withTimeout(this.scripts.settle(this.settleKeys(plan.requestId, plan), args), {
      timeoutMs: this.commandTimeoutMs,
      what: 'Redis (compensating release)',
    }).catch(() => {
      // Best effort: if this fails too, the lease ends the reservation.
    });
  }

  private undecided(plan: AdmissionPlan, nowMs: number, reason: string, cause: unknown): AdmitResult {
    const { requestId, leaseMs } = plan;
    return undecidedAdmission({ limiter: this.options, requestId, reason, cause, nowMs, leaseMs });
  }

  private timeArg(nowMs: number): string {
    return this.useRedisTime ? '' : String(nowMs);
  }

  private budgetKeys(counterId: string): string[] {
    return [this.keys.budgetCounter(counterId), this.keys.budgetLeases(counterId)];
  }

  private admitKeys(plan: AdmissionPlan): string[] {
    return [
      this.keys.request(plan.requestId),
      ...plan.budgets.flatMap((budget) => this.budgetKeys(budget.counterId)),
      ...plan.rpm.map((limit) => this.keys.requestLog(limit.scopeKey)),
      ...plan.tpm.flatMap((limit) => [this.keys.tokenLog(limit.scopeKey), this.keys.tokenCounts(limit.scopeKey)]),
      ...plan.parallel.map((limit) => this.keys.slots(limit.scopeKey)),
    ];
  }

  private admitArgs(plan: AdmissionPlan, nowMs: number): string[] {
    const windowMs = String(this.options.rateWindowMs);
    return [
      this.timeArg(nowMs),
      plan.requestId,
      String(plan.reserveNano),
      String(plan.reserveTokens),
      String(plan.leaseMs),
      String(this.options.retentionMs),
      ...[plan.budgets, plan.rpm, plan.tpm, plan.parallel].map((list) => String(list.length)),
      ...plan.budgets.map((budget) => String(budget.window.maxNano)),
      ...plan.rpm.flatMap((limit) => [String(limit.limit), windowMs]),
      ...plan.tpm.flatMap((limit) => [String(limit.limit), windowMs]),
      ...plan.parallel.map((limit) => String(limit.limit)),
    ];
  }

  /** Without a plan (this proxy does not hold the request) the script only reports the request's state. */
  private settleKeys(requestId: string, plan: AdmissionPlan | undefined): string[] {
    if (!plan) return [this.keys.request(requestId)];
    return [
      this.keys.request(requestId),
      ...plan.budgets.flatMap((budget) => this.budgetKeys(budget.counterId)),
      ...plan.tpm.map((limit) => this.keys.tokenCounts(limit.scopeKey)),
      ...plan.parallel.map((limit) => this.keys.slots(limit.scopeKey)),
    ];
  }

  private settleArgs(
    options: { requestId: string; costNano: number; tokens: number; nowMs: number; finalState: 'settled' | 'released' },
    plan: AdmissionPlan | undefined,
  ): string[] {
    return [
      this.timeArg(options.nowMs),
      options.requestId,
      String(options.costNano),
      String(options.tokens),
      options.finalState,
      String(plan?.budgets.length ?? 0),
      String(plan?.tpm.length ?? 0),
      String(plan?.parallel.length ?? 0),
      plan ? '1' : '0',
      String(this.options.retentionMs),
      ...(plan?.budgets ?? []).map((budget) => String(budget.window.softNano ?? 0)),
    ];
  }

  private retryLater(ending: RequestEnding): void {
    if (this.unfinished.size < MAX_UNFINISHED_ENDINGS || this.unfinished.has(ending.requestId)) this.unfinished.set(ending.requestId, ending);
    if (this.retryTimer === undefined) {
      this.retryTimer = setTimeout(() => void this.retryUnfinished(), ENDING_RETRY_INTERVAL_MS);
      this.retryTimer.unref();
    }
  }

  /** Retries endings that failed, oldest first; stops at the first that fails again (it re-queues itself). */
  private async retryUnfinished(): Promise<void> {
    this.retryTimer = undefined;
    for (const [requestId, ending] of [...this.unfinished]) {
      this.unfinished.delete(requestId);
      if (!this.held.has(requestId)) continue; // forgotten (lease and retention over): nothing left to settle
      const result = await this.finish(ending);
      if (result.outcome === 'unavailable') return;
    }
  }

  private sweep(nowMs: number): void {
    if (nowMs < this.nextSweepAtMs) return;
    this.nextSweepAtMs = nowMs + SWEEP_INTERVAL_MS;
    for (const [requestId, entry] of this.held) if (entry.forgetAtMs <= nowMs) this.held.delete(requestId);
  }
}

/** A script's reply as integers (checked by hand: this runs for every admission and settlement). */
function integersOf(name: LimitScriptName, reply: unknown): number[] {
  const values = Array.isArray(reply) ? (reply as unknown[]) : [reply];
  for (const value of values) {
    if (typeof value !== 'number') throw new TypeError(`limits: the ${name} script answered ${JSON.stringify(reply)}, not integers`);
  }
  return values as number[];
}
