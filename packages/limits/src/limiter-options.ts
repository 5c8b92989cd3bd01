import { z } from 'zod';
import type { BudgetWindowLimit } from './admit-request.js';
import type { LimitScope } from './limit-scope.js';

/**
 * Reads a budget window's committed spend from the database, in nano-USD (spend events with a timestamp in
 * `[window.windowStartMs, window.resetAtMs)`, or all of them for a window that never resets). Called when a live
 * counter does not exist yet, at most once per counter at a time in a process.
 */
export type SeedBudget = (scope: LimitScope, window: BudgetWindowLimit) => Promise<number | bigint>;

/** Where admissions that could not be decided, and other anomalies, are reported. */
export interface LimiterLogger {
  warn(message: string, fields?: Record<string, unknown>): void;
}

/** Options both backends share. */
export interface LimiterOptions {
  /** Seeds missing budget counters from the database. */
  seed: SeedBudget;
  /** Time source for requests that pass no `nowMs` (epoch ms). Default `Date.now`. */
  clock?: () => number;
  /** How long a reservation and a parallel slot live unless settled; make it longer than the request timeout. */
  leaseMs?: number;
  /**
   * How long a request is still recognised after its lease ends (a late settle still counts once) or after it was
   * settled (a repeat is still a no-op), and how long a window's counter outlives the window for late settles.
   * Default 10 minutes. Redis memory grows with requests per second × this.
   */
  retentionMs?: number;
  /**
   * In-memory backend: how long a settled or released request is remembered, so that a repeat answers
   * `already_settled` rather than `unknown` (both change nothing: only a held reservation is ever counted). Default
   * 10 seconds: process memory grows with requests per second × this, so it is kept far shorter than `retentionMs`.
   */
  settledRetentionMs?: number;
  /** The sliding window of `rpm`/`tpm` limits. Default one minute. */
  rateWindowMs?: number;
  /** Upper bound on one `seed` call; past it the admission is undecided. */
  seedTimeoutMs?: number;
  /** When the limiter cannot decide: false (default) answers `unavailable` (503), true admits and logs. */
  failOpen?: boolean;
  /** Default: `console`. */
  logger?: LimiterLogger;
}

const limiterTuningSchema = z.strictObject({
  leaseMs: z.number().int().positive().default(15 * 60_000),
  retentionMs: z.number().int().positive().default(10 * 60_000),
  settledRetentionMs: z.number().int().positive().default(10_000),
  rateWindowMs: z.number().int().positive().default(60_000),
  seedTimeoutMs: z.number().int().positive().default(2_000),
  failOpen: z.boolean().default(false),
});

/** Options with defaults applied. */
export interface ResolvedLimiterOptions extends z.infer<typeof limiterTuningSchema> {
  seed: SeedBudget;
  clock: () => number;
  logger: LimiterLogger;
}

export function resolveLimiterOptions(options: LimiterOptions): ResolvedLimiterOptions {
  if (typeof options.seed !== 'function') throw new TypeError('limits: the `seed` option must be a function');
  const tuning = limiterTuningSchema.parse({
    leaseMs: options.leaseMs,
    retentionMs: options.retentionMs,
    settledRetentionMs: options.settledRetentionMs,
    rateWindowMs: options.rateWindowMs,
    seedTimeoutMs: options.seedTimeoutMs,
    failOpen: options.failOpen,
  });
  return {
    ...tuning,
    seed: options.seed,
    clock: options.clock ?? Date.now,
    logger: options.logger ?? { warn: (message, fields) => console.warn(message, fields ?? {}) },
  };
}

/** A seeded amount as a safe integer; anything else would corrupt the counter, so it is an error. */
export function seededNanoOf(value: number | bigint): number {
  const amount = typeof value === 'bigint' ? Number(value) : value;
  if (!Number.isSafeInteger(amount) || amount < 0) {
    throw new RangeError(`limits: seed returned ${String(value)}, expected a non-negative safe integer of nano-USD`);
  }
  return amount;
}
