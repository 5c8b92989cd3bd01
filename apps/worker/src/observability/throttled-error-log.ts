import type { Logger } from './create-logger.js';

/**
 * An `error` listener that logs each distinct error message at most once per `intervalMs`, with how many repeats it
 * swallowed: with Redis down, ioredis and BullMQ report the same refused connection on every reconnect attempt, many
 * times a second, and a listener is needed anyway (without one BullMQ prints each error to the console).
 */
export function throttledErrorLog(options: { logger: Logger; message: string; fields?: object; intervalMs?: number }): (error: Error) => void {
  const intervalMs = options.intervalMs ?? 10_000;
  const lastLogged = new Map<string, { atMs: number; suppressed: number }>();
  return (error: Error) => {
    const nowMs = Date.now();
    const seen = lastLogged.get(error.message);
    if (seen !== undefined && nowMs - seen.atMs < intervalMs) {
      seen.suppressed += 1;
      return;
    }
    if (lastLogged.size >= 100) lastLogged.clear();
    options.logger.error({ ...options.fields, err: error, suppressedSinceLastLog: seen?.suppressed ?? 0 }, options.message);
    lastLogged.set(error.message, { atMs: nowMs, suppressed: 0 });
  };
}
