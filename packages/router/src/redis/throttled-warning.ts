/** The part of a logger the router state needs (pino's `Logger` fits). */
export interface RouterStateLogger {
  warn(details: object, message: string): void;
}

/**
 * Logs a Redis failure at most once per `intervalMs`, with the number of failures swallowed since the last line:
 * with Redis down every routed request fails a call or two, and one line per call would flood the log.
 */
export class ThrottledWarning {
  private lastLoggedAtMs = Number.NEGATIVE_INFINITY;
  private suppressed = 0;

  constructor(
    private readonly options: { logger: RouterStateLogger | undefined; intervalMs: number; clock: () => number },
  ) {}

  report(operation: string, error: unknown): void {
    const nowMs = this.options.clock();
    if (nowMs - this.lastLoggedAtMs < this.options.intervalMs) {
      this.suppressed += 1;
      return;
    }
    this.options.logger?.warn(
      { err: error, operation, suppressedSinceLastWarning: this.suppressed },
      'router state: Redis call failed; routing continues on empty state and the update is dropped',
    );
    this.lastLoggedAtMs = nowMs;
    this.suppressed = 0;
  }
}
