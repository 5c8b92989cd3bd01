import { sql } from 'kysely';
import { ledgerTestTargets, type TestLedger } from '../testing-internal/ledger-test-targets.js';

/** Each optional-owner filter of the spend-log reports and the index it must still ride. */
const FILTERS = [
  { column: 'user', index: 'spend_logs_user_start_time' },
  { column: 'team_id', index: 'spend_logs_team_id_start_time' },
  { column: 'end_user', index: 'spend_logs_end_user_start_time' },
  { column: 'session_id', index: 'spend_logs_session_id' },
] as const;

describe.each(ledgerTestTargets())('partial spend-log indexes on $name', (target) => {
  let ledger: TestLedger;
  beforeAll(async () => {
    ledger = await target.open();
  });
  afterAll(() => ledger.close());

  it.each(FILTERS)('an equality filter on $column still uses $index', async ({ column, index }) => {
    const plan = await ledger.db.connection().execute(async (connection) => {
      if (target.name === 'postgres') {
        // An empty table is cheaper to scan; forbid that to see which index the planner can prove usable.
        await sql`set enable_seqscan = off`.execute(connection);
        try {
          const rows = await sql<{ 'QUERY PLAN': string }>`explain select * from spend_logs where ${sql.ref(column)} = ${'owner-1'} and start_time >= ${0} and start_time < ${1}`.execute(connection);
          return rows.rows.map((row) => row['QUERY PLAN']).join('\n');
        } finally {
          await sql`reset enable_seqscan`.execute(connection);
        }
      }
      const rows = await sql<{ detail: string }>`explain query plan select * from spend_logs where ${sql.ref(column)} = ${'owner-1'} and start_time >= ${0} and start_time < ${1}`.execute(connection);
      return rows.rows.map((row) => row.detail).join('\n');
    });
    expect(plan).toContain(index);
  });

  it('keeps only rows that have the owner in the index', async () => {
    const definitions = await (target.name === 'postgres'
      ? sql<{ definition: string }>`select indexdef as definition from pg_indexes where schemaname = current_schema() and indexname = ${'spend_logs_team_id_start_time'}`
      : sql<{ definition: string }>`select sql as definition from sqlite_master where name = ${'spend_logs_team_id_start_time'}`
    ).execute(ledger.db);
    expect(definitions.rows[0]?.definition.toLowerCase()).toMatch(/where.*team_id.* is not null/);
  });
});
