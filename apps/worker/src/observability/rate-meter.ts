/** Options of {@link RateMeter}. */
export interface RateMeterOptions {
  /** Length of the sliding window the rate is averaged over; default 10 000 ms. */
  windowMs?: number;
  /** Clock in epoch milliseconds; default `Date.now`. */
  now?: () => number;
}

/**
 * Events per second over a short sliding window, kept in one-second buckets. Prometheus can compute rates from the
 * counters itself; this gauge is for a human reading `/metrics` or a dashboard without PromQL.
 */
export class RateMeter {
  private readonly windowSeconds: number;
  private readonly now: () => number;
  private readonly buckets = new Map<number, number>();

  constructor(options: RateMeterOptions = {}) {
    this.windowSeconds = Math.max(1, Math.round((options.windowMs ?? 10_000) / 1_000));
    this.now = options.now ?? Date.now;
  }

  /** Counts `count` events now. */
  record(count: number): void {
    const second = Math.floor(this.now() / 1_000);
    this.buckets.set(second, (this.buckets.get(second) ?? 0) + count);
    this.prune(second);
  }

  /** Average events per second over the last `windowMs` of complete seconds (the current, partial one excluded). */
  perSecond(): number {
    const second = Math.floor(this.now() / 1_000);
    this.prune(second);
    let total = 0;
    for (const [bucket, count] of this.buckets) if (bucket < second) total += count;
    return total / this.windowSeconds;
  }

  private prune(currentSecond: number): void {
    for (const second of this.buckets.keys()) {
      if (second < currentSecond - this.windowSeconds) this.buckets.delete(second);
    }
  }
}
