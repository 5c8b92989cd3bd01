import type { LedgerDb } from '../db/ledger-schema.js';
import { KeyStore } from '../keys/key-store.js';
import { applySpendEvents } from '../spend/apply-spend-events.js';
import type { SpendEventInput } from '../spend/spend-event-schema.js';
import { TeamMemberStore } from '../teams/team-member-store.js';
import { TeamStore } from '../teams/team-store.js';
import { UserStore } from '../users/user-store.js';
import { ledgerTestTargets, type TestLedger } from '../testing-internal/ledger-test-targets.js';
import { makeSpendEvent } from '../testing-internal/spend-event-factory.js';
import { journalSpendEvents } from './journal-spend-events.js';
import { rollUpSpendJournal } from './roll-up-spend-journal.js';

const CLOCK = () => new Date('2024-05-15T12:00:00.000Z');

/** Every total spend booking maintains, as comparable plain values. */
async function totalsOf(db: LedgerDb) {
  const [keys, users, teams, members, customers, modelSpend, daily, logs] = await Promise.all([
    db.selectFrom('keys').select(['spend_nano']).orderBy('created_at').execute(),
    db.selectFrom('users').select(['user_id', 'spend_nano']).orderBy('user_id').execute(),
    db.selectFrom('teams').select(['team_id', 'spend_nano']).orderBy('team_id').execute(),
    db.selectFrom('team_members').select(['team_id', 'user_id', 'spend_nano']).orderBy('user_id').execute(),
    db.selectFrom('customers').select(['user_id', 'spend_nano']).orderBy('user_id').execute(),
    db.selectFrom('model_spend').select(['entity_type', 'model', 'spend_nano']).orderBy('entity_type').orderBy('model').execute(),
    db.selectFrom('daily_spend').selectAll().orderBy('entity_type').orderBy('entity_id').orderBy('date').orderBy('model_group').execute(),
    db.selectFrom('spend_logs').select((eb) => eb.fn.countAll().as('count')).executeTakeFirstOrThrow(),
  ]);
  return { keys, users, teams, members, customers, modelSpend, daily: daily.map(({ api_key: _key, ...row }) => row), logs: Number(logs.count) };
}

describe.each(ledgerTestTargets())('spend journal on $name', (target) => {
  let journaled: TestLedger;
  let booked: TestLedger;
  let keyHashes: { journaled: string; booked: string };

  async function seed(db: LedgerDb): Promise<string> {
    await new UserStore(db).create({ userId: 'ada' });
    await new TeamStore(db).create({ teamId: 'red' });
    await new TeamMemberStore(db).add({ teamId: 'red', userId: 'ada' });
    return (await new KeyStore(db).create({ userId: 'ada', teamId: 'red' })).record.tokenHash;
  }

  beforeEach(async () => {
    journaled = await target.open();
    booked = await target.open();
    keyHashes = { journaled: await seed(journaled.db), booked: await seed(booked.db) };
  });
  afterEach(async () => {
    await journaled.close();
    await booked.close();
  });

  /** The same calls for both ledgers, each with its own key hash. */
  const calls = (count: number, keyHash: string): SpendEventInput[] =>
    Array.from({ length: count }, (_, index) =>
      makeSpendEvent({
        request_id: `call-${index}`,
        api_key: keyHash,
        user_id: 'ada',
        team_id: 'red',
        end_user: index % 3 === 0 ? 'acme' : null,
        cost_nano: index % 7 === 0 ? null : String(1_000 + index),
        model_group: index % 2 === 0 ? 'gpt-4o' : 'gpt-4o-mini',
        status: index % 5 === 0 ? 'failure' : 'success',
        start_time: `2024-05-1${index % 3}T10:30:00.000Z`,
        end_time: `2024-05-1${index % 3}T10:30:01.000Z`,
        prompt_tokens: index,
        completion_tokens: 2 * index,
        reasoning_tokens: index % 2,
      }),
    );

  it('logs events at once and adds them to every total only at the roll-up, exactly as direct booking does', async () => {
    const events = calls(40, keyHashes.journaled);
    const before = await totalsOf(journaled.db);
    expect(await journalSpendEvents(journaled.db, events)).toEqual({ journaled: events.map((event) => event.request_id), duplicates: [] });
    expect(await totalsOf(journaled.db)).toEqual({ ...before, logs: 40 });

    expect(await rollUpSpendJournal(journaled.db, { clock: CLOCK })).toBe(40);
    await applySpendEvents(booked.db, calls(40, keyHashes.booked), { clock: CLOCK });
    const rolledUp = await totalsOf(journaled.db);
    expect(rolledUp).toEqual(await totalsOf(booked.db));
    expect(rolledUp.keys[0]?.spend_nano).toBeGreaterThan(0n);
    expect(await rollUpSpendJournal(journaled.db)).toBe(0);
    expect(await totalsOf(journaled.db)).toEqual(rolledUp);
  });

  it('writes a request id once: repeats in a batch, in later batches and ids already booked are duplicates', async () => {
    const [, first, second] = calls(3, keyHashes.journaled) as [SpendEventInput, SpendEventInput, SpendEventInput];
    await applySpendEvents(journaled.db, [second]);
    expect(await journalSpendEvents(journaled.db, [first, first, second])).toEqual({ journaled: [first.request_id], duplicates: [first.request_id, second.request_id] });
    expect(await journalSpendEvents(journaled.db, [first])).toEqual({ journaled: [], duplicates: [first.request_id] });
    expect(await rollUpSpendJournal(journaled.db)).toBe(1);
    const key = await journaled.db.selectFrom('keys').select('spend_nano').executeTakeFirstOrThrow();
    expect(key.spend_nano).toBe(1_001n + 1_002n);
  });

  it('rolls up at most `limit` rows per call, oldest request ids first, until none is left', async () => {
    await journalSpendEvents(journaled.db, calls(25, keyHashes.journaled));
    const taken: number[] = [];
    for (let rolled = -1; rolled !== 0; ) {
      rolled = await rollUpSpendJournal(journaled.db, { limit: 10 });
      taken.push(rolled);
    }
    expect(taken).toEqual([10, 10, 5, 0]);
    await applySpendEvents(booked.db, calls(25, keyHashes.booked), { clock: CLOCK });
    const { customers: _journaledCustomers, ...journaledTotals } = await totalsOf(journaled.db);
    const { customers: _bookedCustomers, ...bookedTotals } = await totalsOf(booked.db);
    expect(journaledTotals).toEqual(bookedTotals);
  });

  it('refuses an invalid event and writes nothing of its batch', async () => {
    const [valid] = calls(1, keyHashes.journaled);
    await expect(journalSpendEvents(journaled.db, [valid!, { ...valid!, request_id: 'bad', api_key: 'sk-raw-key' }])).rejects.toThrow(/SHA-256/);
    expect((await totalsOf(journaled.db)).logs).toBe(0);
  });

  if (target.name === 'postgres') {
    it('adds each row once when several processes roll up the same journal at the same time', async () => {
      const events = calls(300, keyHashes.journaled);
      await journalSpendEvents(journaled.db, events);
      const handles = await Promise.all(Array.from({ length: 4 }, () => journaled.openAnother({ poolSize: 2 })));
      try {
        const drain = async (db: LedgerDb) => {
          let total = 0;
          for (let rolled = -1; rolled !== 0; total += rolled) rolled = await rollUpSpendJournal(db, { limit: 40 });
          return total;
        };
        const counts = await Promise.all(handles.map(drain));
        expect(counts.reduce((sum, count) => sum + count, 0)).toBe(300);
      } finally {
        await Promise.all(handles.map((handle) => handle.destroy()));
      }
      const expected = events.reduce((sum, event) => sum + BigInt(event.cost_nano ?? 0), 0n);
      const key = await journaled.db.selectFrom('keys').select('spend_nano').executeTakeFirstOrThrow();
      expect(key.spend_nano).toBe(expected);
    });
  }
});
