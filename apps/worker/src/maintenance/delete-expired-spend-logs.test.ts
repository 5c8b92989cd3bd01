import { applySpendEvents, openLedgerDatabase, type LedgerDb } from '@tollgate/ledger';
import { makeSpendEvent } from '../testing-internal/spend-event-factory.js';
import { deleteExpiredSpendLogs } from './delete-expired-spend-logs.js';

describe('deleteExpiredSpendLogs (SQLite)', () => {
  let db: LedgerDb;
  const day = (date: number) => `2024-05-${String(date).padStart(2, '0')}T12:00:00.000Z`;

  beforeEach(async () => {
    db = await openLedgerDatabase({ url: ':memory:' });
    // Ten calls, one per day from May 1st to May 10th.
    await applySpendEvents(
      db,
      Array.from({ length: 10 }, (_, index) => makeSpendEvent({ start_time: day(index + 1), end_time: day(index + 1), request_id: `call-${index + 1}` })),
    );
  });
  afterEach(() => db.destroy());

  const remaining = async () => (await db.selectFrom('spend_logs').select('request_id').orderBy('start_time').execute()).map((row) => row.request_id);

  it('deletes the rows started before the cutoff in bounded statements, oldest first', async () => {
    const result = await deleteExpiredSpendLogs(db, { before: new Date(day(8)), batchSize: 3 });
    expect(result).toEqual({ deleted: 7, batches: 3, complete: true });
    expect(await remaining()).toEqual(['call-8', 'call-9', 'call-10']);
    // Totals and rollups are kept.
    const rollup = await db.selectFrom('daily_spend').select('date').where('entity_type', '=', 'global').execute();
    expect(rollup).toHaveLength(10);
  });

  it('stops at maxBatches, and when asked to', async () => {
    expect(await deleteExpiredSpendLogs(db, { before: new Date(day(8)), batchSize: 2, maxBatches: 2 })).toEqual({ deleted: 4, batches: 2, complete: false });
    expect(await remaining()).toEqual(['call-5', 'call-6', 'call-7', 'call-8', 'call-9', 'call-10']);
    let calls = 0;
    expect(await deleteExpiredSpendLogs(db, { before: new Date(day(8)), batchSize: 1, shouldStop: () => ++calls > 1 })).toEqual({ deleted: 1, batches: 1, complete: false });
    expect(await remaining()).toHaveLength(5);
  });

  it('deletes nothing when nothing is old enough', async () => {
    expect(await deleteExpiredSpendLogs(db, { before: new Date(day(1)) })).toEqual({ deleted: 0, batches: 1, complete: true });
    expect(await remaining()).toHaveLength(10);
  });
});
