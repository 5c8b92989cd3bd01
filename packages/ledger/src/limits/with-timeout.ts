/** The bounded wait ran out. */
export class LimiterTimeoutError extends Error {
  constructor(what: string, timeoutMs: number) {
    super(`${what} did not answer within ${timeoutMs} ms`);
    this.name = 'LimiterTimeoutError';
  }
}

/** Resolves or rejects like `promise`, or rejects with `LimiterTimeoutError` after `timeoutMs`: a bounded wait. */
export function withTimeout<T>(promise: Promise<T>, options: { timeoutMs: number; what: string }): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new LimiterTimeoutError(options.what, options.timeoutMs)), options.timeoutMs);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
