import { randomUUID } from 'node:crypto';
import { CircuitBreaker, type CircuitBreakerOptions } from '@tollgate/ledger';
import type { DeploymentState, RequestOutcome, RouterStateStore } from '@tollgate/router';
import type { ChainableCommander, Redis } from 'ioredis';
import { z } from 'zod';
import { boundedCall } from './bounded-call.js';
import {
  deploymentStateFromReplies,
  encodeLatencySample,
  REPLIES_PER_DEPLOYMENT,
} from './deployment-state-from-replies.js';
import { routerStateKeys, type RouterStateKeys } from './router-state-keys.js';
import { type RouterStateLogger, ThrottledWarning } from './throttled-warning.js';

const MINUTE_MS = 60_000;
/** A minute's counters are read only during that minute; two minutes of life covers clock skew between proxies. */
const MINUTE_COUNTER_TTL_MS = 2 * MINUTE_MS;
/** A cooldown key lives at least this long, so a cooldown whose end is already past is still written validly. */
const MINIMUM_COOLDOWN_TTL_MS = 1_000;

/** The state of a deployment nothing is known about (the router package keeps its own copy internal). */
const EMPTY_STATE: DeploymentState = Object.freeze({
  cooldownUntilMs: undefined,
  inFlight: 0,
  requestsThisMinute: 0,
  tokensThisMinute: 0,
  responseLatencies: Object.freeze([]),
  firstChunkLatencies: Object.freeze([]),
});

const tuningSchema = z.strictObject({
  keyPrefix: z.string().default('limits'),
  instanceId: z.string().regex(/^[\w.-]{1,100}$/).optional(),
  commandTimeoutMs: z.number().int().positive().default(250),
  inFlightLeaseMs: z.number().int().positive().default(10 * MINUTE_MS),
  latencySampleLimit: z.number().int().positive().default(10),
  latencyRetentionMs: z.number().int().positive().default(60 * MINUTE_MS),
  warningIntervalMs: z.number().int().nonnegative().default(30_000),
});

export interface RedisRouterStateStoreOptions {
  /** The connection, owned by the caller (`close()` leaves it open); `createLimiterRedis` builds a fail-fast one. */
  redis: Redis;
  /** Namespace of every key, inside the hash tag `{tg:<keyPrefix>}` (keys are `{tg:<keyPrefix>}:router:…`). Default `limits`. */
  keyPrefix?: string;
  /** Names this proxy's in-flight entries. Default: a random UUID per store. */
  instanceId?: string;
  /** Upper bound on one Redis round trip; past it the call counts as failed. Default 250 ms. */
  commandTimeoutMs?: number;
  /**
   * How long a call counts as in flight when its end is never recorded (the proxy died). A call still running past
   * its lease stops counting too. Default 10 minutes.
   */
  inFlightLeaseMs?: number;
  /** Latency samples kept per deployment and kind, like the in-memory store's option. Default 10. */
  latencySampleLimit?: number;
  /** A deployment's latency samples are dropped this long after the last one was recorded. Default 1 hour. */
  latencyRetentionMs?: number;
  /** Where Redis failures are reported, at most once per `warningIntervalMs` (default 30 s). */
  logger?: RouterStateLogger;
  warningIntervalMs?: number;
  /** When to stop calling a failing Redis for a while (default: after 5 consecutive failures, for 5 s). */
  circuitBreaker?: CircuitBreakerOptions;
  /** Wall clock (epoch ms) for key lifetimes and log throttling; the router's times come with each call. Default `Date.now`. */
  clock?: () => number;
}

/**
 * RouterStateStore shared by every proxy through Redis, so replicas agree on cooldowns and see each other's load.
 * Redis is advisory here: every call is bounded by `commandTimeoutMs`, and when Redis fails reads give the empty
 * state, writes are dropped and `recordFailure` answers 1, so routing goes on (with less information) and the
 * failure is logged at most once per interval.
 *
 * Layout (see `RouterStateKeys`): a cooldown is a one-member sorted set raised with `ZADD GT` (never shortened)
 * whose TTL only grows (`PEXPIRE NX` then `PEXPIRE GT`) and ends with the cooldown; counters of a minute live in a
 * hash named after that minute, which expires after two minutes, so a new minute starts at zero without a reset;
 * latency samples are a list capped with `LTRIM`. Calls in flight are leases: each started call adds the member
 * `<instanceId>:<sequence>` scored by `nowMs + inFlightLeaseMs` and its end removes it, so the calls of a proxy that
 * died stop counting when their leases end instead of leaking forever. Requires Redis 7.0 (`PEXPIRE NX|GT`).
 */
export class RedisRouterStateStore implements RouterStateStore {
  private readonly redis: Redis;
  private readonly keys: RouterStateKeys;
  private readonly tuning: z.infer<typeof tuningSchema>;
  private readonly instanceId: string;
  private readonly breaker: CircuitBreaker;
  private readonly clock: () => number;
  private readonly warning: ThrottledWarning;
  /** Members this proxy added per deployment and has not removed yet; `endRequest` removes one of them. */
  private readonly startedHere = new Map<string, string[]>();
  private sequence = 0;

  constructor(options: RedisRouterStateStoreOptions) {
    const { redis, logger, circuitBreaker, clock, ...tuning } = options;
    this.tuning = tuningSchema.parse(tuning);
    this.redis = redis;
    this.keys = routerStateKeys(this.tuning.keyPrefix);
    this.instanceId = this.tuning.instanceId ?? randomUUID();
    this.clock = clock ?? Date.now;
    this.breaker = new CircuitBreaker({ ...circuitBreaker, clock: this.clock });
    this.warning = new ThrottledWarning({ logger, intervalMs: this.tuning.warningIntervalMs, clock: this.clock });
  }

  async getStates(deploymentIds: readonly string[], options: { nowMs: number }): Promise<Map<string, DeploymentState>> {
    const ids = [...new Set(deploymentIds)];
    const replies = ids.length === 0 ? [] : await this.guarded('getStates', () => this.readReplies(ids, options), null);
    const result = new Map<string, DeploymentState>();
    ids.forEach((id, index) => {
      const own = replies?.slice(index * REPLIES_PER_DEPLOYMENT, (index + 1) * REPLIES_PER_DEPLOYMENT);
      result.set(id, own ? this.stateOf(own, options) : EMPTY_STATE);
    });
    return result;
  }

  async startRequest(deploymentId: string, options: { nowMs: number }): Promise<void> {
    const member = `${this.instanceId}:${(this.sequence += 1)}`;
    const started = this.startedHere.get(deploymentId) ?? [];
    started.push(member);
    this.startedHere.set(deploymentId, started);
    const inFlight = this.keys.inFlight(deploymentId);
    const minute = this.keys.minute(deploymentId, minuteOf(options.nowMs));
    await this.write('startRequest', (multi) =>
      multi
        // Leases that ended (their proxy died or the call outlived its lease) are swept by whoever starts a call.
        .zremrangebyscore(inFlight, '-inf', options.nowMs)
        .zadd(inFlight, options.nowMs + this.tuning.inFlightLeaseMs, member)
        .pexpire(inFlight, this.tuning.inFlightLeaseMs)
        .hincrby(minute, 'requests', 1)
        .pexpire(minute, MINUTE_COUNTER_TTL_MS),
    );
  }

  async endRequest(deploymentId: string, outcome: RequestOutcome): Promise<void> {
    const member = this.startedHere.get(deploymentId)?.pop();
    if (this.startedHere.get(deploymentId)?.length === 0) this.startedHere.delete(deploymentId);
    const { tokens, latency, nowMs } = outcome;
    if (member === undefined && tokens === undefined && !latency) return;
    await this.write('endRequest', (multi) => {
      if (member !== undefined) multi.zrem(this.keys.inFlight(deploymentId), member);
      if (tokens !== undefined) {
        const minute = this.keys.minute(deploymentId, minuteOf(nowMs));
        // HINCRBY takes integers only; token counts are integers, rounding guards a provider reporting otherwise.
        multi.hincrby(minute, 'tokens', Math.round(tokens)).pexpire(minute, MINUTE_COUNTER_TTL_MS);
      }
      if (latency) {
        const samples = this.keys.latencies(deploymentId, latency.kind);
        multi
          .rpush(samples, encodeLatencySample({ latencyMs: latency.latencyMs, atMs: nowMs }))
          .ltrim(samples, -this.tuning.latencySampleLimit, -1)
          .pexpire(samples, this.tuning.latencyRetentionMs);
      }
      return multi;
    });
  }

  async recordFailure(deploymentId: string, options: { nowMs: number }): Promise<number> {
    const minute = this.keys.minute(deploymentId, minuteOf(options.nowMs));
    const replies = await this.write('recordFailure', (multi) =>
      multi.hincrby(minute, 'failures', 1).pexpire(minute, MINUTE_COUNTER_TTL_MS),
    );
    // Without Redis this failure is the only one known: 1 keeps `allowed_fails: 0` cooling down as configured.
    const count = z.number().int().positive().safeParse(replies?.[0]);
    return count.success ? count.data : 1;
  }

  async setCooldown(deploymentId: string, options: { untilMs: number }): Promise<void> {
    const key = this.keys.cooldown(deploymentId);
    const ttlMs = Math.max(Math.ceil(options.untilMs - this.clock()), MINIMUM_COOLDOWN_TTL_MS);
    await this.write('setCooldown', (multi) =>
      multi
        .zadd(key, 'GT', options.untilMs, 'until')
        // NX gives a new key its lifetime; GT extends it, never shortens it (a shorter cooldown changed nothing).
        .pexpire(key, ttlMs, 'NX')
        .pexpire(key, ttlMs, 'GT'),
    );
  }

  /** Ends this proxy's in-flight leases (best effort) so other proxies stop counting them. Leaves the connection open. */
  async close(): Promise<void> {
    const started = [...this.startedHere];
    this.startedHere.clear();
    if (started.length === 0) return;
    await this.write('close', (multi) => {
      for (const [deploymentId, members] of started) multi.zrem(this.keys.inFlight(deploymentId), ...members);
      return multi;
    });
  }

  /** One pipeline (one round trip) with `REPLIES_PER_DEPLOYMENT` read commands per deployment. */
  private async readReplies(ids: readonly string[], options: { nowMs: number }): Promise<unknown[]> {
    const pipeline = this.redis.pipeline();
    for (const id of ids) {
      pipeline
        .zscore(this.keys.cooldown(id), 'until')
        .zcount(this.keys.inFlight(id), `(${options.nowMs}`, '+inf')
        .hmget(this.keys.minute(id, minuteOf(options.nowMs)), 'requests', 'tokens')
        .lrange(this.keys.latencies(id, 'response'), 0, -1)
        .lrange(this.keys.latencies(id, 'first-chunk'), 0, -1);
    }
    return valuesOf(await pipeline.exec());
  }

  private stateOf(replies: readonly unknown[], options: { nowMs: number }): DeploymentState {
    try {
      return deploymentStateFromReplies(replies, options);
    } catch (error) {
      this.warning.report('getStates', error);
      return EMPTY_STATE;
    }
  }

  /** Runs a MULTI transaction (one round trip, applied atomically); undefined when it failed (already reported). */
  private write(what: string, build: (multi: ChainableCommander) => ChainableCommander): Promise<unknown[] | undefined> {
    return this.guarded(what, async () => valuesOf(await build(this.redis.multi()).exec()), undefined);
  }

  /** Bounded, breaker-guarded call; on any failure reports it (throttled) and returns `fallback`. */
  private async guarded<T, F>(what: string, operation: () => Promise<T>, fallback: F): Promise<T | F> {
    try {
      return await this.breaker.run(() =>
        boundedCall(operation(), { timeoutMs: this.tuning.commandTimeoutMs, what }),
      );
    } catch (error) {
      this.warning.report(what, error);
      return fallback;
    }
  }
}

/** The values of a pipeline or transaction reply; throws the first command error (a discarded MULTI is an error too). */
function valuesOf(replies: [Error | null, unknown][] | null): unknown[] {
  if (replies === null) throw new Error('router state: the Redis transaction was discarded');
  return replies.map(([error, value]) => {
    if (error) throw error;
    return value;
  });
}

function minuteOf(nowMs: number): number {
  return Math.floor(nowMs / MINUTE_MS);
}
