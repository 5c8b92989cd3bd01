import { resolve } from 'node:path';
import { parseDatabaseUrl } from '@tollgate/ledger';

/**
 * Where the ledger lives, for a human at start-up: the absolute SQLite file, or the PostgreSQL URL without its
 * password (and the schema when one is set).
 */
export function describeDatabase(databaseUrl: string, options: { schema?: string; cwd?: string } = {}): string {
  const location = parseDatabaseUrl(databaseUrl);
  if (location.kind === 'sqlite') {
    if (location.filename === ':memory:') return 'SQLite in memory (nothing is kept after exit)';
    return `SQLite file ${resolve(options.cwd ?? process.cwd(), location.filename)}`;
  }
  let shown: string;
  try {
    const url = new URL(location.connectionString);
    url.password = '';
    shown = url.toString();
  } catch {
    shown = 'PostgreSQL (DATABASE_URL)';
  }
  return `PostgreSQL ${shown}${options.schema ? ` schema ${options.schema}` : ''}`;
}
