import { TollgateError } from '@tollgate/core';

/** How `withRetries` retries. */
export interface RetryOptions {
  /** Retries after the first attempt (0: none). */
  readonly numRetries: number;
  /** First backoff step in milliseconds; doubles per retry. */
  readonly baseDelayMs: number;
  /** Aborting stops retrying (and any wait) with the signal's reason. */
  readonly signal?: AbortSignal | undefined;
}

const MAX_BACKOFF_MS = 8_000;
/** A `retry-after` longer than this is not waited out: backoff applies instead (the OpenAI SDK's rule). */
const MAX_RETRY_AFTER_SECONDS = 60;

/**
 * Runs `attempt` until it succeeds, fails with a non-retryable error, or retries run out. Retryable means a
 * `TollgateError` whose `isRetryable` is true (429, 408, 409, 5xx, network failures, timeouts). Waits the error's
 * `retryAfterSeconds` when the provider gave one, else exponential backoff with jitter. `attempt` receives its
 * 1-based number.
 */
export async function withRetries<Result>(
  attempt: (attemptNumber: number) => Promise<Result>,
  options: RetryOptions,
): Promise<Result> {
  for (let attemptNumber = 1; ; attemptNumber++) {
    try {
      return await attempt(attemptNumber);
    } catch (error) {
      const retriesLeft = options.numRetries - (attemptNumber - 1);
      if (retriesLeft <= 0 || !TollgateError.isInstance(error) || !error.isRetryable || options.signal?.aborted) {
        throw error;
      }
      await sleep(retryDelayMs(error, attemptNumber, options.baseDelayMs), options.signal);
    }
  }
}

/** The wait before the next attempt. */
export function retryDelayMs(error: TollgateError, attemptNumber: number, baseDelayMs: number): number {
  const retryAfter = error.retryAfterSeconds;
  if (retryAfter !== undefined && retryAfter >= 0 && retryAfter <= MAX_RETRY_AFTER_SECONDS) return retryAfter * 1000;
  const ceiling = Math.min(MAX_BACKOFF_MS, baseDelayMs * 2 ** (attemptNumber - 1));
  return ceiling / 2 + Math.random() * (ceiling / 2);
}

function sleep(delayMs: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, delayMs);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
