import { withTimeout } from '@tollgate/redis-kit';
import { releaseEnding, settlementEnding, type RequestEnding } from './request-ending.js';
import {
  admitRequestSchema,
  budgetReadRequestSchema,
  type AdmitRequest,
  type BudgetReadRequest,
  type ReleaseRequest,
  type SettleRequest,
} from './admit-request.js';
import type { AdmitResult, BudgetReading, LimitKind, SettleResult, SoftBudgetCrossing } from './admission-result.js';
import { type AdmissionPlan, budgetCounterIdOf, type PlannedBudget, planAdmission } from './admission-plan.js';
import type { LimitBackend } from './limit-backend.js';
import { refusalOf } from './limit-refusal.js';
import {
  type LimiterOptions,
  resolveLimiterOptions,
  type ResolvedLimiterOptions,
  seededNanoOf,
} from './limiter-options.js';
import { MemoryBudgetCounter } from './memory-budget-counter.js';
import { type RateLogStat, rateLimitInfoOf } from './rate-limit-info.js';
import { SingleFlight } from './single-flight.js';
import { SlidingLog } from './sliding-log.js';
import { undecidedAdmission } from './undecided-admission.js';

interface MemoryRequestRecord {
  state: 'held' | 'settled' | 'released';
  /** Dropped once settled: a repeat only needs the state. */
  plan: AdmissionPlan | undefined;
  /** The request's entry in each tpm log (in `plan.tpm` order), for the reweigh at settlement. */
  tokenEntries: { log: SlidingLog; seq: number }[] | undefined;
  leaseExpiresAtMs: number;
  /** After this instant the record is swept and a settle answers `unknown`. */
  forgetAtMs: number;
}

/** How often (in request time) idle counters, logs and records are swept. */
const SWEEP_INTERVAL_MS = 10_000;

/**
 * Live counters in one process (embedded mode). Exact under any async concurrency: after the awaits that seed
 * missing counters, each admission checks and records every limit in one synchronous step, so no other
 * admission interleaves. Same semantics as `RedisLimitBackend`, tested by the same suite.
 */
export class MemoryLimitBackend implements LimitBackend {
  private readonly options: ResolvedLimiterOptions;
  private readonly budgets = new Map<string, MemoryBudgetCounter>();
  private readonly requestLogs = new Map<string, SlidingLog>();
  private readonly tokenLogs = new Map<string, SlidingLog>();
  private readonly slots = new Map<string, Map<string, number>>();
  private readonly requests = new Map<string, MemoryRequestRecord>();
  private readonly seeding = new SingleFlight<void>();
  private nextSweepAtMs = 0;

  constructor(options: LimiterOptions) {
    this.options = resolveLimiterOptions(options);
  }

  async admit(input: AdmitRequest): Promise<AdmitResult> {
    const request = admitRequestSchema.parse(input);
    const plan = planAdmission({
      request,
      defaultLeaseMs: this.options.leaseMs,
      retentionMs: this.options.retentionMs,
    });
    // Seeding awaits; the admission itself does not (sweep, check and record run in one synchronous step).
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const nowMs = request.nowMs ?? this.options.clock();
      this.sweep(nowMs);
      const unseeded = plan.budgets.filter((budget) => !this.budgets.has(budget.counterId));
      if (unseeded.length === 0) return this.admitNow(plan, nowMs);
      try {
        await Promise.all(unseeded.map((budget) => this.seedCounter(budget)));
      } catch (error) {
        return this.undecided(plan, request.nowMs, 'budget counters could not be seeded', error);
      }
    }
    return this.undecided(plan, request.nowMs, 'budget counters kept disappearing while seeding', undefined);
  }

  async settle(input: SettleRequest): Promise<SettleResult> {
    return this.finish(settlementEnding(input, this.options.clock));
  }

  async release(input: ReleaseRequest): Promise<SettleResult> {
    return this.finish(releaseEnding(input, this.options.clock));
  }

  async readBudget(input: BudgetReadRequest): Promise<BudgetReading> {
    const request = budgetReadRequestSchema.parse(input);
    const counter = this.budgets.get(budgetCounterIdOf(request.scope, request.window));
    if (!counter) return { seeded: false, committedNano: 0, reservedNano: 0 };
    const nowMs = request.nowMs ?? this.options.clock();
    return { seeded: true, committedNano: counter.spendNano, reservedNano: counter.liveReservedNano(nowMs) };
  }

  /** Checks and records everything with no await in between: this is what makes it atomic. Counters exist. */
  private admitNow(plan: AdmissionPlan, nowMs: number): AdmitResult {
    if (this.requests.has(plan.requestId)) {
      throw new Error(`limits: request id ${plan.requestId} was already admitted; every admission needs a new id`);
    }
    const windowMs = this.options.rateWindowMs;
    const counters = plan.budgets.map((budget) => this.budgets.get(budget.counterId)!);
    const slotSets = plan.parallel.map((limit) => this.slotsOf(limit.scopeKey));
    const requestLogs = plan.rpm.map((limit) => logOf(this.requestLogs, limit.scopeKey));
    const tokenLogs = plan.tpm.map((limit) => logOf(this.tokenLogs, limit.scopeKey));
    counters.forEach((counter) => counter.dropExpired(nowMs));
    slotSets.forEach((slots) => dropExpiredSlots(slots, nowMs));
    [...requestLogs, ...tokenLogs].forEach((log) => log.evict(nowMs - windowMs));

    const refuse = (limit: LimitKind, index: number, current: number, retryAtMs: number | null, budgetRoomNano?: number): AdmitResult => ({
      outcome: 'refused',
      requestId: plan.requestId,
      refusal: refusalOf({ plan, limit, index, current, retryAtMs, nowMs, budgetRoomNano }),
      rateLimits: this.rateLimits(plan, requestLogs, tokenLogs, nowMs),
    });
    const budgetRooms = counters.map((counter, index) => plan.budgets[index]!.window.maxNano - counter.spendNano - counter.reservedNano);
    const refusedBudget = budgetRooms.findIndex((room) => plan.reserveNano > room);
    if (refusedBudget >= 0) {
      const counter = counters[refusedBudget]!;
      return refuse('budget', refusedBudget, counter.spendNano + counter.reservedNano, null, Math.min(...budgetRooms));
    }
    for (const [index, slots] of slotSets.entries()) {
      if (slots.size + 1 > plan.parallel[index]!.limit) return refuse('max_parallel', index, slots.size, null);
    }
    for (const [index, log] of requestLogs.entries()) {
      const limit = plan.rpm[index]!.limit;
      if (log.size + 1 > limit) {
        return refuse('rpm', index, log.size, limit > 0 ? log.retryAt(log.size + 1 - limit, windowMs) : null);
      }
    }
    for (const [index, log] of tokenLogs.entries()) {
      const limit = plan.tpm[index]!.limit;
      if (log.total + plan.reserveTokens > limit) {
        const retryAtMs =
          plan.reserveTokens <= limit ? log.retryAt(log.total + plan.reserveTokens - limit, windowMs) : null;
        return refuse('tpm', index, log.total, retryAtMs);
      }
    }

    const leaseExpiresAtMs = nowMs + plan.leaseMs;
    counters.forEach((counter) => counter.hold(plan.requestId, plan.reserveNano, leaseExpiresAtMs));
    slotSets.forEach((slots) => slots.set(plan.requestId, leaseExpiresAtMs));
    requestLogs.forEach((log) => log.add(nowMs, 1));
    const tokenEntries = tokenLogs.map((log) => ({ log, seq: log.add(nowMs, plan.reserveTokens) }));
    this.requests.set(plan.requestId, {
      state: 'held',
      plan,
      tokenEntries,
      leaseExpiresAtMs,
      forgetAtMs: leaseExpiresAtMs + this.options.retentionMs,
    });
    return {
      outcome: 'admitted',
      requestId: plan.requestId,
      leaseExpiresAtMs,
      rateLimits: this.rateLimits(plan, requestLogs, tokenLogs, nowMs),
      failedOpen: false,
    };
  }

  private finish(options: RequestEnding): SettleResult {
    const { requestId } = options;
    const record = this.requests.get(requestId);
    const unchanged = { requestId, leaseExpired: false, softBudgetCrossings: [] };
    if (!record || record.forgetAtMs <= options.nowMs) return { outcome: 'unknown', ...unchanged };
    if (record.state !== 'held' || !record.plan) return { outcome: 'already_settled', ...unchanged };
    const plan = record.plan;
    const softBudgetCrossings: SoftBudgetCrossing[] = [];
    for (const budget of plan.budgets) {
      // A counter swept after its window is not recreated (its next seed reads the database), as in Redis.
      const counter = this.budgets.get(budget.counterId);
      if (!counter) continue;
      counter.endReservation(requestId);
      counter.spendNano += options.costNano;
      const softNano = budget.window.softNano;
      if (softNano !== undefined && counter.spendNano >= softNano && !counter.softCrossed) {
        counter.softCrossed = true;
        softBudgetCrossings.push({
          scope: budget.scope,
          windowId: budget.window.windowId,
          softNano,
          windowStartMs: budget.window.windowStartMs,
        });
      }
    }
    // The entry's own log, even if the sweep has since replaced it (then the entry is long gone either way).
    record.tokenEntries?.forEach((entry) => entry.log.reweigh(entry.seq, options.tokens));
    plan.parallel.forEach((limit) => this.slots.get(limit.scopeKey)?.delete(requestId));
    record.state = options.finalState;
    record.plan = undefined;
    record.tokenEntries = undefined;
    record.forgetAtMs = options.nowMs + this.options.settledRetentionMs;
    return {
      outcome: 'settled',
      requestId,
      leaseExpired: record.leaseExpiresAtMs <= options.nowMs,
      softBudgetCrossings,
    };
  }

  private seedCounter(budget: PlannedBudget): Promise<void> {
    return this.seeding.run(budget.counterId, async () => {
      const seeded = await withTimeout(this.options.seed(budget.scope, budget.window), {
        timeoutMs: this.options.seedTimeoutMs,
        what: 'the budget seed',
      });
      const spendNano = seededNanoOf(seeded);
      if (!this.budgets.has(budget.counterId)) {
        this.budgets.set(budget.counterId, new MemoryBudgetCounter(spendNano, budget.expireAtMs));
      }
    });
  }

  private undecided(plan: AdmissionPlan, nowMs: number | undefined, reason: string, cause: unknown): AdmitResult {
    return undecidedAdmission({
      limiter: this.options,
      requestId: plan.requestId,
      reason,
      cause,
      nowMs: nowMs ?? this.options.clock(),
      leaseMs: plan.leaseMs,
    });
  }

  private rateLimits(plan: AdmissionPlan, requestLogs: SlidingLog[], tokenLogs: SlidingLog[], nowMs: number) {
    const statOf = (log: SlidingLog): RateLogStat => ({ used: log.total, newestMs: log.newestMs });
    return rateLimitInfoOf({
      rpm: plan.rpm,
      rpmStats: requestLogs.map(statOf),
      tpm: plan.tpm,
      tpmStats: tokenLogs.map(statOf),
      nowMs,
      windowMs: this.options.rateWindowMs,
    });
  }

  private slotsOf(scopeKey: string): Map<string, number> {
    let slots = this.slots.get(scopeKey);
    if (!slots) this.slots.set(scopeKey, (slots = new Map<string, number>()));
    return slots;
  }

  /** Drops what nothing will read again, so memory follows the live load rather than the history. */
  private sweep(nowMs: number): void {
    if (nowMs < this.nextSweepAtMs) return;
    this.nextSweepAtMs = nowMs + SWEEP_INTERVAL_MS;
    for (const [id, counter] of this.budgets) {
      if (counter.expireAtMs > 0 && counter.expireAtMs <= nowMs) this.budgets.delete(id);
    }
    for (const [id, record] of this.requests) if (record.forgetAtMs <= nowMs) this.requests.delete(id);
    for (const [key, slots] of this.slots) {
      dropExpiredSlots(slots, nowMs);
      if (slots.size === 0) this.slots.delete(key);
    }
    for (const logs of [this.requestLogs, this.tokenLogs]) {
      for (const [key, log] of logs) {
        log.evict(nowMs - this.options.rateWindowMs);
        if (log.size === 0) logs.delete(key);
      }
    }
  }
}

function logOf(logs: Map<string, SlidingLog>, scopeKey: string): SlidingLog {
  let log = logs.get(scopeKey);
  if (!log) logs.set(scopeKey, (log = new SlidingLog()));
  return log;
}

function dropExpiredSlots(slots: Map<string, number>, nowMs: number): void {
  for (const [requestId, leaseExpiresAtMs] of slots) if (leaseExpiresAtMs <= nowMs) slots.delete(requestId);
}
