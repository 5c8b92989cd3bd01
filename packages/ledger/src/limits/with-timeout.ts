/** The bounded wait ran out. */
export class LimiterTimeoutError extends Error {
  constructor(what: string, timeoutMs: number) {
    super(`${what} did not answer within ${timeoutMs} ms`);
    this.name = 'LimiterTimeoutError';
  }
}

/**
 * Resolves or rejects like `promise`, or rejects with `LimiterTimeoutError` after `timeoutMs`: a bounded wait.
 *
 * Tolerant of event-loop stalls: a timer that expired while the loop was blocked (a GC pause, a cold proxy compiling
 * code, a busy machine) fires before the loop reads the sockets, so the reply that arrived meanwhile would lose to it.
 * The rejection therefore waits one `setImmediate`, which runs after the loop's I/O phase: a reply already received
 * wins, and a genuinely missing one is still refused within `timeoutMs` plus one loop turn.
 */
export function withTimeout<T>(promise: Promise<T>, options: { timeoutMs: number; what: string }): Promise<T> {
  // One promise and one timer per call (no race/finally chain): this wraps every admission, settlement and routed
  // request's router-state command.
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => setImmediate(() => reject(new LimiterTimeoutError(options.what, options.timeoutMs))), options.timeoutMs);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}
