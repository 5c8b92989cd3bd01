import { holdLoopClock, loopTimeMs } from './loop-time.js';

/** The bounded wait ran out. */
export class LimiterTimeoutError extends Error {
  constructor(what: string, timeoutMs: number) {
    super(`${what} did not answer within ${timeoutMs} ms`);
    this.name = 'LimiterTimeoutError';
  }
}

/** However busy the loop, a call is refused once this many bounds of wall time have passed. */
const MAX_STRETCH = 6;

/**
 * Resolves or rejects like `promise`, or rejects with `LimiterTimeoutError` once the event loop has been turning for
 * `timeoutMs` without an answer: a bounded wait.
 *
 * The bound counts loop time, not wall time (see loop-time.ts), so event-loop stalls (a GC pause, a cold proxy
 * compiling code, a burst saturating a core) do not turn answers into timeouts: a reply that arrived during a stall is
 * read once the loop turns again. The rejection also waits one `setImmediate` (after the loop's I/O phase: a reply
 * already received wins). A call that truly gets no answer is refused after `timeoutMs` on an idle loop, and after
 * `MAX_STRETCH` × `timeoutMs` of wall time at most.
 */
export function withTimeout<T>(promise: Promise<T>, options: { timeoutMs: number; what: string }): Promise<T> {
  // One promise and one timer per call (no race/finally chain): this wraps every admission, settlement and routed
  // request's router-state command.
  return new Promise<T>((resolve, reject) => {
    const release = holdLoopClock();
    const startedAtMs = performance.now();
    const startedAtLoopMs = loopTimeMs();
    const expire = () => {
      const waitedMs = loopTimeMs() - startedAtLoopMs;
      if (waitedMs < options.timeoutMs && performance.now() - startedAtMs < options.timeoutMs * MAX_STRETCH) {
        timer = setTimeout(expire, Math.max(options.timeoutMs - waitedMs, 1));
        return;
      }
      setImmediate(() => {
        release();
        reject(new LimiterTimeoutError(options.what, options.timeoutMs));
      });
    };
    let timer = setTimeout(expire, options.timeoutMs);
    promise.then(
      (value) => {
        clearTimeout(timer);
        release();
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        release();
        reject(error);
      },
    );
  });
}
