/** A Redis call did not answer in time. */
export class RouterStateTimeoutError extends Error {
  constructor(what: string, timeoutMs: number) {
    super(`router state: ${what} did not answer within ${timeoutMs} ms`);
    this.name = 'RouterStateTimeoutError';
  }
}

/** Resolves or rejects like `promise`, or rejects with `RouterStateTimeoutError` after `timeoutMs`. */
export function boundedCall<T>(promise: Promise<T>, options: { timeoutMs: number; what: string }): Promise<T> {
  // One promise and one timer per call (no race/finally chain): this runs for every routed request.
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new RouterStateTimeoutError(options.what, options.timeoutMs)), options.timeoutMs);
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
