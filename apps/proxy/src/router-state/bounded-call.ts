/** A Redis call did not answer in time. */
export class RouterStateTimeoutError extends Error {
  constructor(what: string, timeoutMs: number) {
    super(`router state: ${what} did not answer within ${timeoutMs} ms`);
    this.name = 'RouterStateTimeoutError';
  }
}

/** Resolves or rejects like `promise`, or rejects with `RouterStateTimeoutError` after `timeoutMs`. */
export function boundedCall<T>(promise: Promise<T>, options: { timeoutMs: number; what: string }): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new RouterStateTimeoutError(options.what, options.timeoutMs)), options.timeoutMs);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
