import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { parseDatabaseUrl } from './database-url.js';
import { dialectOf } from './dialect-of.js';
import { openLedgerDatabase } from './open-ledger-database.js';

describe('parseDatabaseUrl', () => {
  it.each([
    ['postgres://u@h:5432/db', { kind: 'postgres', connectionString: 'postgres://u@h:5432/db' }],
    ['postgresql://u@h/db', { kind: 'postgres', connectionString: 'postgresql://u@h/db' }],
    [':memory:', { kind: 'sqlite', filename: ':memory:' }],
    ['sqlite::memory:', { kind: 'sqlite', filename: ':memory:' }],
    ['file:.tollgate/tollgate.db', { kind: 'sqlite', filename: '.tollgate/tollgate.db' }],
    ['sqlite:///var/lib/t.db', { kind: 'sqlite', filename: '/var/lib/t.db' }],
    ['sqlite:data/t.db', { kind: 'sqlite', filename: 'data/t.db' }],
    ['./t.db', { kind: 'sqlite', filename: './t.db' }],
  ])('%s', (url, expected) => {
    expect(parseDatabaseUrl(url)).toEqual(expected);
  });

  it.each(['', 'mysql://h/db', 'sqlite:'])('refuses %p', (url) => {
    expect(() => parseDatabaseUrl(url)).toThrow(expect.objectContaining({ param: 'database_url' }));
  });
});

describe('openLedgerDatabase on a SQLite file', () => {
  let directory: string;
  beforeEach(async () => {
    directory = await mkdtemp(join(tmpdir(), 'ledger-'));
  });
  afterEach(() => rm(directory, { recursive: true, force: true }));

  it('creates missing folders, uses WAL with a busy timeout, and keeps data across reopen', async () => {
    const filename = join(directory, 'nested', 'tollgate.db');
    const db = await openLedgerDatabase({ url: `file:${filename}`, busyTimeoutMs: 1234 });
    expect(dialectOf(db)).toBe('sqlite');
    const mode = await sql<{ journal_mode: string }>`pragma journal_mode`.execute(db);
    expect(mode.rows[0]?.journal_mode).toBe('wal');
    const timeout = await sql<{ timeout: bigint }>`pragma busy_timeout`.execute(db);
    expect(Number(timeout.rows[0]?.timeout)).toBe(1234);
    const synchronous = await sql<{ synchronous: bigint }>`pragma synchronous`.execute(db);
    expect(Number(synchronous.rows[0]?.synchronous)).toBe(1); // NORMAL
    await db.insertInto('customers').values({ user_id: 'acme', spend_nano: 2n ** 62n, metadata: '{}', created_at: 1, updated_at: 1 }).execute();
    await db.destroy();
    expect((await stat(filename)).isFile()).toBe(true);
    const reopened = await openLedgerDatabase({ url: filename });
    const row = await reopened.selectFrom('customers').select('spend_nano').executeTakeFirstOrThrow();
    expect(row.spend_nano).toBe(2n ** 62n);
    await reopened.destroy();
  });

  it('refuses a PostgreSQL schema option on SQLite and an unsafe schema name on PostgreSQL', async () => {
    await expect(openLedgerDatabase({ url: ':memory:', schema: 'x' })).rejects.toThrow(/PostgreSQL only/);
    await expect(openLedgerDatabase({ url: 'postgres://127.0.0.1:1/none', schema: 'x; drop table keys' })).rejects.toThrow(/Invalid PostgreSQL schema name/);
  });
});

const databaseUrl = process.env.DATABASE_URL;
(databaseUrl ? describe : describe.skip)('openLedgerDatabase on PostgreSQL', () => {
  it('reads BIGINT money back as bigint beyond 2^53', async () => {
    const schema = `ledger_open_${process.pid}`;
    const db = await openLedgerDatabase({ url: databaseUrl!, schema });
    try {
      expect(dialectOf(db)).toBe('postgres');
      await db.insertInto('customers').values({ user_id: 'acme', spend_nano: 2n ** 62n + 1n, metadata: '{}', created_at: 1, updated_at: 1 }).execute();
      const row = await db.selectFrom('customers').select('spend_nano').executeTakeFirstOrThrow();
      expect(row.spend_nano).toBe(2n ** 62n + 1n);
    } finally {
      await sql`drop schema ${sql.id(schema)} cascade`.execute(db);
      await db.destroy();
    }
  });
});
