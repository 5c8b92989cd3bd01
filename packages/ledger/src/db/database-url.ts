import { BadRequestError } from '@tollgate/core';

/** Where the ledger lives, read from a URL. */
export type DatabaseLocation =
  | { kind: 'sqlite'; /** File path, or `:memory:`. */ filename: string }
  | { kind: 'postgres'; /** The `postgres://` URL as given. */ connectionString: string };

/**
 * Reads a database URL: `postgres://` / `postgresql://` → PostgreSQL; `sqlite:PATH`, `sqlite://PATH`, `file:PATH`,
 * `:memory:` or a plain path → SQLite.
 */
export function parseDatabaseUrl(url: string): DatabaseLocation {
  const trimmed = url.trim();
  if (trimmed === '') throw new BadRequestError('Database URL is empty', { param: 'database_url' });
  if (/^postgres(ql)?:\/\//i.test(trimmed)) return { kind: 'postgres', connectionString: trimmed };
  const withoutScheme = trimmed.replace(/^(sqlite|file):(\/\/)?/i, '');
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(withoutScheme)) {
    throw new BadRequestError(`Unsupported database URL scheme in ${JSON.stringify(trimmed.split('://')[0])}; use postgres:// or a SQLite path`, {
      param: 'database_url',
    });
  }
  if (withoutScheme === '') throw new BadRequestError('SQLite database URL names no file', { param: 'database_url' });
  return { kind: 'sqlite', filename: withoutScheme };
}
