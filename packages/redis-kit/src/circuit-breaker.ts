import { z } from 'zod';

/** The breaker is open: the call was not attempted. */
export class CircuitOpenError extends Error {
  constructor(retryInMs: number) {
    super(`the limit store failed repeatedly; the circuit breaker is open for another ${retryInMs} ms`);
    this.name = 'CircuitOpenError';
  }
}

const circuitBreakerOptionsSchema = z.strictObject({
  /** Consecutive failures that open the breaker. */
  failureThreshold: z.number().int().positive().default(5),
  /** How long it stays open before one probe call may try again. */
  openMs: z.number().int().positive().default(5_000),
});

export interface CircuitBreakerOptions extends z.input<typeof circuitBreakerOptionsSchema> {
  /** Wall clock (epoch ms). Default `Date.now`. */
  clock?: () => number;
}

export type CircuitState = 'closed' | 'open' | 'half_open';

/**
 * Stops calling a store that keeps failing, so requests fail fast instead of each waiting out a timeout: after
 * `failureThreshold` consecutive failures it opens for `openMs`; then one probe call runs (half-open) while the
 * others still fail fast; the probe's success closes it, its failure opens it again.
 */
export class CircuitBreaker {
  private readonly failureThreshold: number;
  private readonly openMs: number;
  private readonly clock: () => number;
  private consecutiveFailures = 0;
  private openUntilMs = 0;
  private probing = false;

  constructor(options: CircuitBreakerOptions = {}) {
    const { clock, ...tuning } = options;
    const parsed = circuitBreakerOptionsSchema.parse(tuning);
    this.failureThreshold = parsed.failureThreshold;
    this.openMs = parsed.openMs;
    this.clock = clock ?? Date.now;
  }

  get state(): CircuitState {
    if (this.consecutiveFailures < this.failureThreshold) return 'closed';
    return this.clock() < this.openUntilMs ? 'open' : 'half_open';
  }

  async run<T>(operation: () => Promise<T>): Promise<T> {
    const state = this.state;
    if (state === 'open') throw new CircuitOpenError(this.openUntilMs - this.clock());
    if (state === 'half_open' && this.probing) throw new CircuitOpenError(0);
    const isProbe = state === 'half_open';
    if (isProbe) this.probing = true;
    try {
      const result = await operation();
      this.consecutiveFailures = 0;
      return result;
    } catch (error) {
      this.consecutiveFailures += 1;
      if (this.consecutiveFailures >= this.failureThreshold) this.openUntilMs = this.clock() + this.openMs;
      throw error;
    } finally {
      if (isProbe) this.probing = false;
    }
  }
}
