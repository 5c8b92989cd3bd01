import { Migrator, sql, type Kysely } from 'kysely';
import { dialectOf } from '../db/dialect-of.js';
import { KeyStore } from '../keys/key-store.js';
import { sumSpendInWindow } from '../reports/sum-spend-in-window.js';
import { ledgerTestTargets, type TestLedger } from '../testing-internal/ledger-test-targets.js';
import { ledgerMigrations } from './ledger-migrations.js';
import { LEDGER_MIGRATION_LOCK_TABLE, LEDGER_MIGRATION_TABLE, migrateLedger } from './migrate-ledger.js';

 

async function migrateTo(db: Kysely<any>, name: string): Promise<void> {
  const schema = dialectOf(db) === 'postgres' ? (await sql<{ schema: string }>`select current_schema() as schema`.execute(db)).rows[0]?.schema : undefined;
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => ({ ...ledgerMigrations }) },
    migrationTableName: LEDGER_MIGRATION_TABLE,
    migrationLockTableName: LEDGER_MIGRATION_LOCK_TABLE,
    migrationTableSchema: schema,
  });
  const { error } = await migrator.migrateTo(name);
  if (error !== undefined) throw error;
}

const hash = (digit: string) => digit.repeat(64);
const keyRow = (tokenHash: string, previous: string | null) => ({
  token_hash: tokenHash,
  previous_token_hash: previous,
  previous_token_revoke_at: previous === null ? null : 0,
  key_name: 'sk-...abcd',
  created_at: 0,
  updated_at: 0,
});
const logRow = (requestId: string, apiKey: string, spendNano: bigint) => ({
  request_id: requestId,
  call_type: 'acompletion',
  api_key: apiKey,
  spend_nano: spendNano,
  start_time: 1_000,
  end_time: 2_000,
  request_duration_ms: 1_000,
  model: 'gpt-4o',
  status: 'success',
});

describe.each(ledgerTestTargets())('migration 0006 (stable key ids) on $name', (target) => {
  let ledger: TestLedger;
  afterEach(() => ledger.close());

  it('gives existing keys a unique id and records their current and previous hashes, so spend carries over', async () => {
    ledger = await target.open({ migrate: false });
    const db = ledger.db as unknown as Kysely<any>;
    await migrateTo(db, '0005_partial_spend_log_indexes');
    await db.insertInto('keys').values([keyRow(hash('a'), hash('b')), keyRow(hash('c'), null)]).execute();
    await db
      .insertInto('spend_logs')
      .values([logRow('r1', hash('b'), 100n), logRow('r2', hash('a'), 20n), logRow('r3', hash('c'), 3n)])
      .execute();

    await migrateLedger(ledger.db);

    const keys = await ledger.db.selectFrom('keys').select(['token_hash', 'key_id']).orderBy('token_hash').execute();
    expect(keys.map((row) => row.key_id)).toEqual([expect.stringMatching(/^[0-9a-f]{32}$/), expect.stringMatching(/^[0-9a-f]{32}$/)]);
    const [regenerated, plain] = keys as unknown as [{ key_id: string }, { key_id: string }];
    expect(regenerated.key_id).not.toBe(plain.key_id);
    const hashes = await ledger.db.selectFrom('key_hashes').selectAll().orderBy('token_hash').execute();
    expect(hashes).toEqual([
      { token_hash: hash('a'), key_id: regenerated.key_id },
      { token_hash: hash('b'), key_id: regenerated.key_id },
      { token_hash: hash('c'), key_id: plain.key_id },
    ]);
    const from = new Date(0);
    expect(await sumSpendInWindow(ledger.db, { owner: { kind: 'key', keyId: regenerated.key_id }, from })).toBe(120n);
    expect(await sumSpendInWindow(ledger.db, { owner: { kind: 'key', keyId: plain.key_id }, from })).toBe(3n);
    // The store reads the migrated id, and regenerating keeps it.
    const store = new KeyStore(ledger.db);
    const again = await store.regenerate(hash('a'));
    expect(again.record.keyId).toBe(regenerated.key_id);
  });

  it('keeps key_id unique (and NOT NULL on PostgreSQL; SQLite cannot add that to an existing column)', async () => {
    ledger = await target.open();
    const insert = (tokenHash: string, keyId: string | null) =>
      (ledger.db as unknown as Kysely<any>).insertInto('keys').values({ ...keyRow(tokenHash, null), key_id: keyId }).execute();
    const { record } = await new KeyStore(ledger.db).create({ key: 'sk-first-key-0001' });
    // Compared by message: under Jest, a driver's error is not always an `Error` of the test's realm.
    const failureOf = (insertion: Promise<unknown>) => insertion.then(() => 'no error', (error: { message?: string }) => String(error.message));
    expect(await failureOf(insert(hash('e'), record.keyId))).toMatch(/unique|duplicate/i);
    if (target.name === 'postgres') expect(await failureOf(insert(hash('d'), null))).toMatch(/null/i);
  });
});
