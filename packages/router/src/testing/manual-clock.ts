import type { Clock } from '../runtime/clock.js';

/**
 * A clock that moves only when told: `advance(ms)` moves it, and `sleep(ms)` returns at once after moving it by
 * `ms` (so backoff "passes" instantly) and records the wait in `sleeps`.
 */
export class ManualClock implements Clock {
  /** Every wait asked of `sleep`, in ms, in order. */
  readonly sleeps: number[] = [];
  private nowMs: number;

  /** Starts at `startMs` (default: a fixed instant at the start of a minute, so minute windows are predictable). */
  constructor(startMs = 1_800_000_000_000) {
    this.nowMs = startMs;
  }

  now(): number {
    return this.nowMs;
  }

  /** Moves time forward. */
  advance(ms: number): void {
    this.nowMs += ms;
  }

  async sleep(ms: number, signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) throw signal.reason;
    this.sleeps.push(ms);
    this.nowMs += ms;
  }
}
