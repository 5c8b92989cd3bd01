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
 * Tolerant of event-loop stalls (a GC pause, a cold proxy compiling code, a busy machine), which would otherwise turn
 * answers into timeouts: a timer that expired while the loop was blocked fires before the loop reads its sockets, and
 * a command written just before the stall may not even have left the process. So the rejection waits one
 * `setImmediate` (after the loop's I/O phase: a reply already received wins), and a timer that fired more than half
 * its time late (the loop was blocked) first grants the call one more `timeoutMs`. A call that truly gets no answer is
 * refused after at most two bounds plus the stall.
 */
export function withTimeout<T>(promise: Promise<T>, options: { timeoutMs: number; what: string }): Promise<T> {
  // One promise and one timer per call (no race/finally chain): this wraps every admission, settlement and routed
  // request's router-state command.
  return new Promise<T>((resolve, reject) => {
    const startedAtMs = performance.now();
    let extended = false;
    const expire = () => {
      if (!extended && performance.now() - startedAtMs > options.timeoutMs * 1.5) {
        extended = true;
        timer = setTimeout(expire, options.timeoutMs);
        return;
      }
      setImmediate(() => reject(new LimiterTimeoutError(options.what, options.timeoutMs)));
    };
    let timer = setTimeout(expire, options.timeoutMs);
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
