import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openLedgerDatabase, type OpenLedgerDatabaseOptions } from '../db/open-ledger-database.js';
import type { LedgerDb } from '../db/ledger-schema.js';

/** A database a storage test runs against; the same test body runs on each. */
export interface LedgerTestTarget {
  /** `sqlite` or `postgres`, for test names. */
  name: 'sqlite' | 'postgres';
  /** Opens a fresh, migrated, empty ledger. */
  open(options?: { migrate?: boolean }): Promise<TestLedger>;
}

/** An open test ledger and how to get rid of it. */
export interface TestLedger {
  db: LedgerDb;
  /** Opens another handle on the same database (same PostgreSQL schema); SQLite in-memory has no second handle. */
  openAnother(options?: Omit<OpenLedgerDatabaseOptions, 'url' | 'schema'>): Promise<LedgerDb>;
  /** Closes the handle and drops the PostgreSQL schema. */
  close(): Promise<void>;
}

let warned = false;

/** SQLite in memory always; PostgreSQL too when DATABASE_URL is set (a fresh schema per open, dropped on close). */
export function ledgerTestTargets(): LedgerTestTarget[] {
  const targets: LedgerTestTarget[] = [{ name: 'sqlite', open: openSqlite }];
  const databaseUrl = process.env.DATABASE_URL;
  if (databaseUrl !== undefined && databaseUrl !== '') {
    targets.push({ name: 'postgres', open: (options) => openPostgres(databaseUrl, options) });
  } else if (!warned) {
    warned = true;
    console.warn('DATABASE_URL is not set: ledger storage tests run on SQLite only, PostgreSQL is skipped');
  }
  return targets;
}

async function openSqlite(options?: { migrate?: boolean }): Promise<TestLedger> {
  const db = await openLedgerDatabase({ url: ':memory:', migrate: options?.migrate });
  return {
    db,
    openAnother: () => Promise.reject(new Error('an in-memory SQLite database has no second handle')),
    close: () => db.destroy(),
  };
}

async function openPostgres(databaseUrl: string, options?: { migrate?: boolean }): Promise<TestLedger> {
  const schema = `ledger_test_${randomBytes(6).toString('hex')}`;
  const extra: LedgerDb[] = [];
  const db = await openLedgerDatabase({ url: databaseUrl, schema, migrate: options?.migrate });
  return {
    db,
    async openAnother(more) {
      const another = await openLedgerDatabase({ ...more, url: databaseUrl, schema });
      extra.push(another);
      return another;
    },
    async close() {
      await Promise.all([db, ...extra].map((handle) => handle.destroy()));
      const client = new pg.Client({ connectionString: databaseUrl });
      await client.connect();
      try {
        await client.query(`drop schema if exists "${schema}" cascade`);
      } finally {
        await client.end();
      }
    },
  };
}
