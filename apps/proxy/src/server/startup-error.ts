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
