import { randomUUID } from 'node:crypto';
import { CircuitBreaker, type CircuitBreakerOptions, coalesceWritesUntilNextTurn, withTimeout } from '@tollgate/redis-kit';
import type { Redis } from 'ioredis';
import { z } from 'zod';
import { type DeploymentState, EMPTY_DEPLOYMENT_STATE } from '../state/deployment-state.js';
import type { RequestOutcome, RouterStateStore } from '../state/router-state-store.js';
import { applyWrite, type DeploymentSnapshot, deploymentStateOf } from './deployment-snapshot.js';
import { encodeLatencySample, REPLIES_PER_DEPLOYMENT, remoteStateFromReplies } from './remote-state-from-replies.js';
import { minuteOf, routerStateKeys, type RouterStateKeys } from './router-state-keys.js';
import { defineRouterStateScripts, type RouterStateScriptCall, type RouterStateScriptName } from './router-state-scripts.js';
import { type NewRouterWrite, type RouterWrite, RouterWriteJournal } from './router-write-journal.js';
import { type RouterStateLogger, ThrottledWarning } from './throttled-warning.js';

const MINUTE_MS = 60_000;
/** A minute's counters are read only during that minute; two minutes of life covers clock skew between proxies. */
const MINUTE_COUNTER_TTL_MS = 2 * MINUTE_MS;
/** A cooldown key lives at least this long, so a cooldown whose end is already past is still written validly. */
const MINIMUM_COOLDOWN_TTL_MS = 1_000;
/** Buffered starts and ends are sent at once when this many are waiting, whatever `maxWriteDelayMs` says. */
const MAX_BUFFERED_WRITES = 256;

const tuningSchema = z.strictObject({
  keyPrefix: z.string().default('limits'),
  instanceId: z.string().regex(/^[\w.-]{1,100}$/).optional(),
  commandTimeoutMs: z.number().int().positive().default(250),
  inFlightLeaseMs: z.number().int().positive().default(10 * MINUTE_MS),
  latencySampleLimit: z.number().int().positive().default(10),
  latencyRetentionMs: z.number().int().positive().default(60 * MINUTE_MS),
  warningIntervalMs: z.number().int().nonnegative().default(30_000),
  maxWriteDelayMs: z.number().int().positive().default(5),
  maxStateAgeMs: z.number().int().nonnegative().default(25),
});

export interface RedisRouterStateStoreOptions {
  /** The connection, owned by the caller (`close()` leaves it open); `createFailFastRedis` builds a fail-fast one. */
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
  /**
   * How long a call's start or end may wait in this proxy to travel with its next Redis command before it is sent
   * alone. Default 5 ms.
   */
  maxWriteDelayMs?: number;
  /**
   * How old (in the router's time) the state read from Redis may be when a read is answered from it; this proxy's own
   * starts and ends are always included. A read finding it older waits for a fresh one; one finding it older than half
   * this refreshes it in the background. Other proxies' calls and cooldowns thus show up to this (plus
   * `maxWriteDelayMs`) late. 0: every read goes to Redis. Default 25 ms.
   */
  maxStateAgeMs?: number;
}

/**
 * RouterStateStore shared by every proxy through Redis, so replicas agree on cooldowns and see each other's load.
 * Redis is advisory here: every call is bounded by `commandTimeoutMs`, and when Redis fails reads give the empty
 * state, writes are dropped and `recordFailure` answers 1, so routing goes on (with less information) and the
 * failure is logged at most once per interval.
 *
 * No routed request waits for Redis in the steady state: reads are answered from the state last read (at most
 * `maxStateAgeMs` old, refreshed in the background) plus this proxy's own calls, and calls' starts and ends are
 * buffered and sent together (with the next refresh, or after `maxWriteDelayMs`), in one script per round trip
 * (`router-state-scripts.ts`). `flush()` sends them at once.
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
  private readonly scripts: Record<RouterStateScriptName, RouterStateScriptCall>;
  /** Members this proxy added per deployment and has not removed yet; `endRequest` removes one of them. */
  private readonly startedHere = new Map<string, string[]>();
  private readonly journal = new RouterWriteJournal();
  private readonly snapshots = new Map<string, DeploymentSnapshot>();
  /** Cooldowns this proxy set, by deployment: its reads show them at once. */
  private readonly ownCooldowns = new Map<string, number>();
  /** Reads of Redis under way, by minute and deployment ids: concurrent reads of the same state share one. */
  private readonly refreshes = new Map<string, Promise<boolean>>();
  private flushTimer: NodeJS.Timeout | undefined;
  /** Commands sent without waiting (buffered writes, background refreshes); each settles within `commandTimeoutMs`. */
  private readonly unawaited = new Set<Promise<unknown>>();
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
    this.scripts = defineRouterStateScripts(redis);
  }

  async getStates(deploymentIds: readonly string[], options: { nowMs: number }): Promise<Map<string, DeploymentState>> {
    const ids = [...new Set(deploymentIds)];
    const result = new Map<string, DeploymentState>();
    if (ids.length === 0) return result;
    const { nowMs } = options;
    const freshness = this.freshnessOf(ids, nowMs);
    if (freshness === 'stale') {
      if (!(await this.refresh(ids, nowMs))) {
        for (const id of ids) result.set(id, EMPTY_DEPLOYMENT_STATE);
        return result;
      }
    } else if (freshness === 'aging') {
      this.track(this.refresh(ids, nowMs));
    }
    for (const id of ids) result.set(id, this.stateOf(id, nowMs));
    return result;
  }

  async startRequest(deploymentId: string, options: { nowMs: number }): Promise<void> {
    const member = `${this.instanceId}:${(this.sequence += 1)}`;
    const started = this.startedHere.get(deploymentId);
    if (started) started.push(member);
    else this.startedHere.set(deploymentId, [member]);
    this.buffer({ kind: 'start', deploymentId, nowMs: options.nowMs, member });
  }

  async endRequest(deploymentId: string, outcome: RequestOutcome): Promise<void> {
    const started = this.startedHere.get(deploymentId);
    const member = started?.pop();
    if (started?.length === 0) this.startedHere.delete(deploymentId);
    const { tokens, latency, nowMs } = outcome;
    if (member === undefined && tokens === undefined && !latency) return;
    // HINCRBY takes integers only; token counts are integers, rounding guards a provider reporting otherwise.
    this.buffer({ kind: 'end', deploymentId, nowMs, member, tokens: tokens === undefined ? undefined : Math.round(tokens), latency });
  }

  async recordFailure(deploymentId: string, options: { nowMs: number }): Promise<number> {
    const minute = this.keys.minute(deploymentId, minuteOf(options.nowMs));
    const reply = await this.guarded('recordFailure', () => this.scripts.recordFailure([minute], [MINUTE_COUNTER_TTL_MS]), undefined);
    // Without Redis this failure is the only one known: 1 keeps `allowed_fails: 0` cooling down as configured.
    return typeof reply === 'number' && Number.isInteger(reply) && reply > 0 ? reply : 1;
  }

  async setCooldown(deploymentId: string, options: { untilMs: number }): Promise<void> {
    const ttlMs = Math.max(Math.ceil(options.untilMs - this.clock()), MINIMUM_COOLDOWN_TTL_MS);
    await this.guarded('setCooldown', () => this.scripts.setCooldown([this.keys.cooldown(deploymentId)], [options.untilMs, ttlMs]), undefined);
    this.ownCooldowns.set(deploymentId, Math.max(this.ownCooldowns.get(deploymentId) ?? 0, options.untilMs));
  }

  /** Sends the buffered starts and ends now and waits until Redis has them (or the attempt failed, reported). */
  async flush(): Promise<void> {
    this.clearFlushTimer();
    const writes = this.journal.takePending();
    if (writes.length > 0) await this.sync(writes, [], 0);
    await Promise.all(this.unawaited);
  }

  /**
   * Sends the buffered starts and ends, then ends this proxy's in-flight leases (best effort) so other proxies stop
   * counting them. Leaves the connection open.
   */
  async close(): Promise<void> {
    await this.flush();
    const started = [...this.startedHere];
    this.startedHere.clear();
    if (started.length === 0) return;
    await this.guarded('close', async () => {
      const multi = this.redis.multi();
      for (const [deploymentId, members] of started) multi.zrem(this.keys.inFlight(deploymentId), ...members);
      return valuesOf(await multi.exec());
    }, undefined);
  }

  /** The last snapshot plus this proxy's writes it lacks and its own cooldown (a snapshot read meanwhile may lack it). */
  private stateOf(id: string, nowMs: number): DeploymentState {
    const snapshot = this.snapshots.get(id);
    if (!snapshot) return EMPTY_DEPLOYMENT_STATE;
    const writes = this.journal.writesAfter(id, snapshot.includedSeq);
    const state = deploymentStateOf(snapshot, writes, { nowMs, latencySampleLimit: this.tuning.latencySampleLimit });
    const ownCooldownUntilMs = this.ownCooldowns.get(id);
    if (ownCooldownUntilMs === undefined) return state;
    if (ownCooldownUntilMs <= nowMs) {
      this.ownCooldowns.delete(id);
      return state;
    }
    return ownCooldownUntilMs > (state.cooldownUntilMs ?? 0) ? { ...state, cooldownUntilMs: ownCooldownUntilMs } : state;
  }

  /** `stale`: some snapshot is missing, of another minute or too old; `aging`: one is past half its age. */
  private freshnessOf(ids: readonly string[], nowMs: number): 'fresh' | 'aging' | 'stale' {
    const { maxStateAgeMs } = this.tuning;
    const minute = minuteOf(nowMs);
    let freshness: 'fresh' | 'aging' = 'fresh';
    for (const id of ids) {
      const snapshot = this.snapshots.get(id);
      const ageMs = snapshot ? nowMs - snapshot.readAtMs : -1;
      if (!snapshot || snapshot.minute !== minute || ageMs < 0 || ageMs >= maxStateAgeMs) return 'stale';
      if (ageMs * 2 >= maxStateAgeMs) freshness = 'aging';
    }
    return freshness;
  }

  /** Reads the deployments' state (with the buffered writes); resolves false when that failed (already reported). */
  private refresh(ids: readonly string[], nowMs: number): Promise<boolean> {
    const key = `${minuteOf(nowMs)}\n${ids.join('\n')}`;
    let refreshing = this.refreshes.get(key);
    if (!refreshing) {
      this.clearFlushTimer();
      refreshing = this.sync(this.journal.takePending(), ids, nowMs).finally(() => this.refreshes.delete(key));
      this.refreshes.set(key, refreshing);
    }
    return refreshing;
  }

  private buffer(write: NewRouterWrite): void {
    this.journal.add(write);
    if (this.journal.pendingCount >= MAX_BUFFERED_WRITES) this.sendBufferAlone();
    else this.flushTimer ??= setTimeout(() => this.sendBufferAlone(), this.tuning.maxWriteDelayMs).unref();
  }

  private sendBufferAlone(): void {
    this.clearFlushTimer();
    const writes = this.journal.takePending();
    if (writes.length > 0) this.track(this.sync(writes, [], 0));
  }

  private clearFlushTimer(): void {
    clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
  }

  private track(command: Promise<unknown>): void {
    this.unawaited.add(command);
    const forget = () => this.unawaited.delete(command);
    command.then(forget, forget);
  }

  /**
   * One script call (one round trip): the writes, then the state of the deployments read. On success the reads become
   * snapshots and the writes are folded into the other snapshots; either way the writes leave the journal (a failed
   * write is dropped). Resolves whether it succeeded (a failure is reported).
   */
  private async sync(writes: RouterWrite[], ids: readonly string[], nowMs: number): Promise<boolean> {
    const includedSeq = this.journal.sentUpTo;
    const replies = await this.guarded('sync', () => this.runSync(writes, ids, nowMs), undefined);
    this.journal.forget(writes);
    if (replies === undefined) return false;
    const minute = minuteOf(nowMs);
    ids.forEach((id, index) => {
      try {
        const remote = remoteStateFromReplies(replies.slice(index * REPLIES_PER_DEPLOYMENT, (index + 1) * REPLIES_PER_DEPLOYMENT));
        this.snapshots.set(id, { ...remote, readAtMs: nowMs, minute, includedSeq });
      } catch (error) {
        this.snapshots.delete(id);
        this.warning.report('getStates', error);
      }
    });
    for (const write of writes) {
      const snapshot = this.snapshots.get(write.deploymentId);
      if (snapshot && snapshot.includedSeq < write.seq) {
        applyWrite(snapshot, write, this.tuning);
        snapshot.includedSeq = write.seq;
      }
    }
    return true;
  }

  private async runSync(writes: readonly RouterWrite[], ids: readonly string[], nowMs: number): Promise<unknown[]> {
    const keys: string[] = [];
    const args: (string | number)[] = [];
    const { inFlightLeaseMs, latencySampleLimit, latencyRetentionMs } = this.tuning;
    args.push(nowMs, writes.length, inFlightLeaseMs, MINUTE_COUNTER_TTL_MS, latencySampleLimit, latencyRetentionMs);
    for (const write of writes) {
      const { deploymentId } = write;
      const inFlight = this.keys.inFlight(deploymentId);
      const minute = this.keys.minute(deploymentId, minuteOf(write.nowMs));
      if (write.kind === 'start') {
        // A start touches no samples list; any key of the deployment keeps the layout (and the slot).
        keys.push(inFlight, minute, inFlight);
        args.push('s', write.nowMs, write.member, write.nowMs + inFlightLeaseMs);
      } else {
        const { latency } = write;
        keys.push(inFlight, minute, this.keys.latencies(deploymentId, latency?.kind ?? 'response'));
        const sample = latency ? encodeLatencySample({ latencyMs: latency.latencyMs, atMs: write.nowMs }) : '';
        args.push('e', write.member ?? '', write.tokens ?? '', sample);
      }
    }
    const minute = minuteOf(nowMs);
    for (const id of ids) {
      keys.push(
        this.keys.cooldown(id),
        this.keys.inFlight(id),
        this.keys.minute(id, minute),
        this.keys.latencies(id, 'response'),
        this.keys.latencies(id, 'first-chunk'),
      );
    }
    const replies = await this.scripts.sync(keys, args);
    if (!Array.isArray(replies) || replies.length !== ids.length * REPLIES_PER_DEPLOYMENT) {
      throw new TypeError('router state: the sync script answered an unexpected shape');
    }
    return replies as unknown[];
  }

  /** Bounded, breaker-guarded call; on any failure reports it (throttled) and returns `fallback`. */
  private async guarded<T, F>(what: string, operation: () => Promise<T>, fallback: F): Promise<T | F> {
    try {
      return await this.breaker.run(() => {
        coalesceWritesUntilNextTurn(this.redis);
        return withTimeout(operation(), { timeoutMs: this.tuning.commandTimeoutMs, what: `router state: ${what}` });
      });
    } catch (error) {
      this.warning.report(what, error);
      return fallback;
    }
  }
}

/** The values of a transaction reply; throws the first command error (a discarded MULTI is an error too). */
function valuesOf(replies: [Error | null, unknown][] | null): unknown[] {
  if (replies === null) throw new Error('router state: the Redis transaction was discarded');
  return replies.map(([error, value]) => {
    if (error) throw error;
    return value;
  });
}
