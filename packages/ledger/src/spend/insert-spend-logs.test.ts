import { ledgerTestTargets, type TestLedger } from '../testing-internal/ledger-test-targets.js';
import { makeSpendEvent } from '../testing-internal/spend-event-factory.js';
import { insertSpendLogs } from './insert-spend-logs.js';
import { spendEventSchema, type SpendEventInput } from './spend-event-schema.js';
import { spendEventToLogRow } from './spend-log-row.js';

describe.each(ledgerTestTargets())('insertSpendLogs on $name', (target) => {
  let ledger: TestLedger;

  beforeEach(async () => {
    ledger = await target.open();
  });
  afterEach(() => ledger.close());

  const insert = (events: SpendEventInput[]) =>
    ledger.db.transaction().execute((trx) => insertSpendLogs(trx, events.map((event) => spendEventSchema.parse(event))));

  it('stores every column as written, whatever characters the text holds', async () => {
    const awkward = makeSpendEvent({
      request_id: 'req "quoted", {braced} \\ back\\slash',
      api_key: 'e'.repeat(64),
      cost_nano: '9223372036854775807',
      model: 'NULL',
      model_id: 'id with \n newline',
      user_id: 'ünïcødé 🚀 user',
      team_id: null,
      end_user: 'comma,separated',
      session_id: "it's",
      completion_start_time: '2024-05-15T10:30:00.250Z',
      request_tags: ['a "tag"', 'b\\c', '{x}'],
      metadata: { nested: { quote: '"', backslash: '\\', empty: '' } },
    });
    const plain = makeSpendEvent({ cost_nano: null, model_group: null, provider: null });
    expect(await insert([awkward, plain])).toEqual(new Set([awkward.request_id, plain.request_id]));
    const byRequestId = (a: { request_id: string }, b: { request_id: string }) => (a.request_id < b.request_id ? -1 : 1);
    const rows = (await ledger.db.selectFrom('spend_logs').selectAll().execute()).sort(byRequestId);
    const expected = [awkward, plain]
      .map((event) => ({ ...spendEventToLogRow(spendEventSchema.parse(event)), rolled_up: 1n }))
      .sort(byRequestId);
    const asStored = (row: Record<string, unknown>) =>
      Object.fromEntries(Object.entries(row).map(([column, value]) => [column, typeof value === 'number' ? BigInt(value) : value]));
    expect(rows.map(asStored)).toEqual(expected.map(asStored));
  });

  it('skips request ids already stored and returns only the ones it inserted', async () => {
    const [first, second, third] = [makeSpendEvent(), makeSpendEvent(), makeSpendEvent()];
    await insert([first]);
    expect(await insert([first, second, third])).toEqual(new Set([second.request_id, third.request_id]));
    expect(await insert([])).toEqual(new Set());
    const count = await ledger.db.selectFrom('spend_logs').select((eb) => eb.fn.countAll().as('count')).executeTakeFirstOrThrow();
    expect(Number(count.count)).toBe(3);
  });

  it('inserts more rows than one SQLite statement holds', async () => {
    const events = Array.from({ length: 1_001 }, () => makeSpendEvent());
    expect((await insert(events)).size).toBe(1_001);
  });
});
