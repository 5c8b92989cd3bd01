import { CustomerStore } from '../customers/customer-store.js';
import { KeyStore } from '../keys/key-store.js';
import { applySpendEvents } from '../spend/apply-spend-events.js';
import { TeamMemberStore } from '../teams/team-member-store.js';
import { TeamStore } from '../teams/team-store.js';
import { ledgerTestTargets, type TestLedger } from '../testing-internal/ledger-test-targets.js';
import { makeSpendEvent } from '../testing-internal/spend-event-factory.js';
import { UserStore } from '../users/user-store.js';
import { resetExpiredBudgets } from './reset-expired-budgets.js';

describe.each(ledgerTestTargets())('resetExpiredBudgets on $name', (target) => {
  let ledger: TestLedger;
  let now: Date;
  const timezone = 'America/New_York';

  beforeEach(async () => {
    ledger = await target.open();
    now = new Date('2024-05-15T14:00:00Z'); // 10:00 in New York
  });
  afterEach(() => ledger.close());

  it('rolls every entity over to the current window, keeping spend booked since the boundary', async () => {
    const options = { clock: () => now, timezone };
    const key = await new KeyStore(ledger.db, options).create({ userId: 'ada', teamId: 'red', budgetDuration: '1d' });
    const steady = await new KeyStore(ledger.db, options).create({ budgetDuration: '30d' });
    await new UserStore(ledger.db, options).create({ userId: 'ada', budgetDuration: '1d' });
    await new TeamStore(ledger.db, options).create({ teamId: 'red', budgetDuration: '1d', teamMemberBudgetDuration: '1d' });
    await new TeamMemberStore(ledger.db, options).add({ teamId: 'red', userId: 'ada' });
    await new CustomerStore(ledger.db, options).create({ userId: 'acme', budgetDuration: '1d' });
    expect(key.record.budgetResetAt?.toISOString()).toBe('2024-05-16T04:00:00.000Z'); // midnight in New York

    const scoped = { api_key: key.record.tokenHash, user_id: 'ada', team_id: 'red', end_user: 'acme' };
    await applySpendEvents(ledger.db, [
      makeSpendEvent({ ...scoped, cost_nano: '100', start_time: '2024-05-15T20:00:00Z', end_time: '2024-05-15T20:00:01Z' }),
      makeSpendEvent({ ...scoped, cost_nano: '7', start_time: '2024-05-16T04:30:00Z', end_time: '2024-05-16T04:30:01Z' }),
      makeSpendEvent({ api_key: steady.record.tokenHash, cost_nano: '5' }),
    ]);

    now = new Date('2024-05-16T03:59:59Z');
    expect(await resetExpiredBudgets(ledger.db, { now, timezone })).toEqual({ keys: 0, users: 0, teams: 0, teamMembers: 0, customers: 0 });

    now = new Date('2024-05-16T05:00:00Z');
    expect(await resetExpiredBudgets(ledger.db, { now, timezone, batchSize: 1 })).toEqual({ keys: 1, users: 1, teams: 1, teamMembers: 1, customers: 1 });
    const keyRow = await new KeyStore(ledger.db).get(key.record.tokenHash);
    expect(keyRow).toMatchObject({ spendNano: 7n, budgetResetAt: new Date('2024-05-17T04:00:00Z') });
    expect((await new UserStore(ledger.db).get('ada'))?.spendNano).toBe(7n);
    expect((await new TeamStore(ledger.db).get('red'))?.spendNano).toBe(7n);
    expect((await new TeamMemberStore(ledger.db).get('red', 'ada'))?.spendNano).toBe(7n);
    expect((await new CustomerStore(ledger.db).get('acme'))?.spendNano).toBe(7n);
    expect((await new KeyStore(ledger.db).get(steady.record.tokenHash))?.spendNano).toBe(5n);

    expect(await resetExpiredBudgets(ledger.db, { now, timezone })).toEqual({ keys: 0, users: 0, teams: 0, teamMembers: 0, customers: 0 });
  });

  it('counts spend of a regenerated key under every hash it had in the window', async () => {
    const keys = new KeyStore(ledger.db, { clock: () => now });
    const created = await keys.create({ budgetDuration: '1h' });
    await applySpendEvents(ledger.db, [makeSpendEvent({ api_key: created.record.tokenHash, cost_nano: '3', start_time: '2024-05-15T15:10:00Z', end_time: '2024-05-15T15:10:01Z' })]);
    const once = await keys.regenerate(created.key);
    await applySpendEvents(ledger.db, [makeSpendEvent({ api_key: once.record.tokenHash, cost_nano: '4', start_time: '2024-05-15T15:20:00Z', end_time: '2024-05-15T15:20:01Z' })]);
    const regenerated = await keys.regenerate(once.key);
    await applySpendEvents(ledger.db, [makeSpendEvent({ api_key: regenerated.record.tokenHash, cost_nano: '5', start_time: '2024-05-15T15:25:00Z', end_time: '2024-05-15T15:25:01Z' })]);
    now = new Date('2024-05-15T15:30:00Z');
    expect((await resetExpiredBudgets(ledger.db, { now })).keys).toBe(1);
    expect(await keys.get(regenerated.key)).toMatchObject({ spendNano: 12n, budgetResetAt: new Date('2024-05-15T16:00:00Z') });
  });
});
