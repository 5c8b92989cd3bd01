import { dirname, join } from 'node:path';
import { parseDatabaseUrl } from '@tollgate/ledger';

/**
 * Where the local spend outbox lives: `TOLLGATE_SPEND_OUTBOX` if set; else beside the SQLite database file; else (a
 * PostgreSQL URL) in `TOLLGATE_DB`'s folder, by default `.tollgate/`. An in-memory database gets an in-memory outbox.
 */
export function spendOutboxPath(options: { databaseUrl: string; env: Record<string, string | undefined> }): string {
  const configured = options.env['TOLLGATE_SPEND_OUTBOX'];
  if (configured !== undefined && configured !== '') return configured;
  const location = parseDatabaseUrl(options.databaseUrl);
  if (location.kind === 'sqlite' && location.filename === ':memory:') return ':memory:';
  const databaseFile = location.kind === 'sqlite' ? location.filename : (options.env['TOLLGATE_DB'] ?? '.tollgate/tollgate.db');
  return join(dirname(databaseFile), 'spend-outbox.db');
}
