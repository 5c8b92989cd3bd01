/**
 * The proxy cannot start (a store it needs is unreachable, …). Its message is one line meant for an operator, naming
 * the store and its host but never a credential; `main` prints it and exits non-zero.
 */
export class StartupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StartupError';
  }
}

/** `scheme://host:port` of a connection URL (no user, password, path or query), or a file path as it is. */
export function describeEndpoint(url: string): string {
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(url)) return url;
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}`;
  } catch {
    return 'an unparsable URL';
  }
}

/** `TOLLGATE_STARTUP_TIMEOUT_MS`: how long start-up waits for PostgreSQL and Redis (default 10 000 ms). */
export function startupTimeoutMsOf(env: Record<string, string | undefined>): number {
  const text = env['TOLLGATE_STARTUP_TIMEOUT_MS'];
  if (text === undefined || text === '') return 10_000;
  const value = Number(text);
  if (!Number.isInteger(value) || value <= 0) throw new StartupError(`TOLLGATE_STARTUP_TIMEOUT_MS must be a positive whole number of ms, not ${JSON.stringify(text)}`);
  return value;
}
