import { sql } from 'kysely';
import { ledgerTestTargets, type TestLedger } from '../testing-internal/ledger-test-targets.js';
import { ledgerMigrations } from './ledger-migrations.js';
import { migrateLedger, LEDGER_MIGRATION_TABLE } from './migrate-ledger.js';

const TABLES = ['customers', 'daily_spend', 'key_hashes', 'keys', 'model_spend', 'spend_logs', 'team_members', 'teams', 'users'];

describe.each(ledgerTestTargets())('migrateLedger on $name', (target) => {
  let ledger: TestLedger;
  afterEach(async () => {
    await ledger.close();
  });

  it('creates every table and records each migration once, however often it runs', async () => {
    ledger = await target.open();
    await migrateLedger(ledger.db);
    await migrateLedger(ledger.db);
    const tables = (await ledger.db.introspection.getTables()).map((table) => table.name);
    expect(tables).toEqual(expect.arrayContaining(TABLES));
    const applied = await sql<{ name: string }>`select name from ${sql.table(LEDGER_MIGRATION_TABLE)}`.execute(ledger.db);
    expect(applied.rows.map((row) => row.name).sort()).toEqual(Object.keys(ledgerMigrations).sort());
  });

  if (target.name === 'postgres') {
    it('lets eight migrators race on one fresh schema: all succeed, each migration runs once', async () => {
      ledger = await target.open({ migrate: false });
      const handles = await Promise.all(Array.from({ length: 8 }, () => ledger.openAnother({ migrate: false, poolSize: 2 })));
      await Promise.all(handles.map((handle) => migrateLedger(handle)));
      const applied = await sql<{ name: string }>`select name from ${sql.table(LEDGER_MIGRATION_TABLE)}`.execute(ledger.db);
      expect(applied.rows.map((row) => row.name).sort()).toEqual(Object.keys(ledgerMigrations).sort());
      // Only this test's schema: other suites may hold ledger schemas in the same database at the same time.
      const current = await sql<{ schema: string }>`select current_schema() as schema`.execute(ledger.db);
      const schema = current.rows[0]?.schema;
      const tables = (await ledger.db.introspection.getTables()).filter((table) => table.schema === schema && TABLES.includes(table.name));
      expect(new Set(tables.map((table) => `${table.schema}.${table.name}`)).size).toBe(TABLES.length);
    });

    it('keeps schemas apart: migrating one schema leaves another untouched', async () => {
      ledger = await target.open();
      const other = await target.open({ migrate: false });
      try {
        const before = await sql<{ count: bigint }>`select count(*) as count from information_schema.tables where table_schema = current_schema()`.execute(other.db);
        expect(Number(before.rows[0]?.count)).toBe(0);
        await migrateLedger(other.db);
        const after = await sql<{ count: bigint }>`select count(*) as count from information_schema.tables where table_schema = current_schema() and table_name = 'keys'`.execute(other.db);
        expect(Number(after.rows[0]?.count)).toBe(1);
      } finally {
        await other.close();
      }
    });
  }
});
