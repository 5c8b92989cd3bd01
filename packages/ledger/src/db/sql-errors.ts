/** Classifies driver errors the same way for SQLite (better-sqlite3) and PostgreSQL (pg). */

function codeOf(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? code : undefined;
}

/** A UNIQUE or PRIMARY KEY constraint was violated (pg 23505, SQLITE_CONSTRAINT_UNIQUE/PRIMARYKEY). */
export function isUniqueViolation(error: unknown): boolean {
  const code = codeOf(error);
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

/**
 * The transaction lost a race and may simply be run again: pg deadlock (40P01) or serialization failure (40001),
 * or SQLite busy/locked past the busy timeout.
 */
export function isRetryableTransactionError(error: unknown): boolean {
  const code = codeOf(error);
  return code === '40P01' || code === '40001' || code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED';
}
