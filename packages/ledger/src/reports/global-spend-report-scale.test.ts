import { sql } from 'kysely';
import { ledgerTestTargets, type TestLedger } from '../testing-internal/ledger-test-targets.js';
import { globalSpendReport } from './global-spend-report.js';

const DAYS = 30;
const KEYS = 100;
const MODELS = 5;

/**
 * The report reads rollups, not spend logs: 30 days × 100 keys × 5 models is 15,000 rows per partition, what
 * 1.5 million calls (10 per key, model and day) leave behind, and its cost follows those rows (the report lists each
 * key × model per group and day, as LiteLLM's does). The time is printed, not asserted (speed is shown by
 * `pnpm report-bench`; a wall-clock bound only flakes on a shared machine); the plan checks guard against a full scan.
 */
describe.each(ledgerTestTargets())('globalSpendReport at scale on $name', (target) => {
  let ledger: TestLedger;

  beforeAll(async () => {
    ledger = await target.open();
    const rows = [];
    for (let day = 0; day < DAYS; day += 1) {
      const date = new Date(Date.UTC(2024, 3, 1 + day)).toISOString().slice(0, 10);
      for (let key = 0; key < KEYS; key += 1) {
        for (let model = 0; model < MODELS; model += 1) {
          for (const [entityType, entityId] of [['global', ''], ['team', `team-${key % 20}`]] as const) {
            rows.push({
              date,
              entity_type: entityType,
              entity_id: entityId,
              api_key: `key-${key}`,
              model: `model-${model}`,
              model_group: `group-${model}`,
              provider: 'openai',
              prompt_tokens: 1000,
              completion_tokens: 100,
              cache_read_tokens: 0,
              cache_creation_tokens: 0,
              reasoning_tokens: 0,
              spend_nano: 10_000,
              api_requests: 10,
              successful_requests: 10,
              failed_requests: 0,
              unpriced_requests: 0,
            });
          }
        }
      }
    }
    for (let index = 0; index < rows.length; index += 1_000) await ledger.db.insertInto('daily_spend').values(rows.slice(index, index + 1_000)).execute();
    if (target.name === 'postgres') await sql`analyze daily_spend`.execute(ledger.db);
  }, 120_000);
  afterAll(() => ledger.close());

  it('answers a 30-day team report over 15,000 rollup rows exactly', async () => {
    await globalSpendReport(ledger.db, { startDate: '2024-04-01', endDate: '2024-04-30', groupBy: 'team' });
    const started = performance.now();
    const report = await globalSpendReport(ledger.db, { startDate: '2024-04-01', endDate: '2024-04-30', groupBy: 'team' });
    const elapsedMs = performance.now() - started;
    console.info(`globalSpendReport(team, 30 days, ${DAYS * KEYS * MODELS} rows) on ${target.name}: ${elapsedMs.toFixed(1)} ms`);
    expect(report).toHaveLength(DAYS);
    expect(report[0]?.groups).toHaveLength(20);
    expect(report.reduce((sum, day) => sum + day.groups.reduce((inner, group) => inner + group.spendNano, 0n), 0n)).toBe(BigInt(DAYS * KEYS * MODELS * 10_000));
  });

  it('narrows to a few days by index, not by scanning every row', async () => {
    const started = performance.now();
    const report = await globalSpendReport(ledger.db, { startDate: '2024-04-10', endDate: '2024-04-11', groupBy: 'model' });
    const elapsedMs = performance.now() - started;
    console.info(`globalSpendReport(model, 2 days) on ${target.name}: ${elapsedMs.toFixed(1)} ms`);
    expect(report.map((day) => day.groups.length)).toEqual([MODELS, MODELS]);
    if (target.name === 'sqlite') {
      const plan = await sql<{ detail: string }>`explain query plan select sum(spend_nano) from daily_spend where entity_type = 'global' and date >= '2024-04-10' and date <= '2024-04-11'`.execute(ledger.db);
      expect(plan.rows.map((row) => row.detail).join(' ')).toMatch(/SEARCH daily_spend USING (INDEX|PRIMARY KEY).*entity_type=\? AND date>\? AND date<\?/);
    }
  });

  it('seeks one key or one entity by index instead of walking every key of the range', async () => {
    const plan = async (filter: ReturnType<typeof sql>) => {
      const query = sql`select sum(spend_nano) from daily_spend where ${filter} and date >= '2024-04-01' and date <= '2024-04-30'`;
      const explained = await (target.name === 'sqlite' ? sql<Record<string, unknown>>`explain query plan ${query}` : sql<Record<string, unknown>>`explain ${query}`).execute(ledger.db);
      return explained.rows.map((row) => String(row['detail'] ?? row['QUERY PLAN'])).join(' ');
    };
    expect(await plan(sql`entity_type = 'global' and api_key = 'key-3'`)).toMatch(/daily_spend_api_key_date/);
    expect(await plan(sql`entity_type = 'team' and entity_id = 'team-3'`)).toMatch(/daily_spend_entity_date/);
  });
});
