import { TeamMemberStore } from '../teams/team-member-store.js';
import { TeamStore } from '../teams/team-store.js';
import { UserStore } from '../users/user-store.js';
import { ledgerTestTargets, type TestLedger } from '../testing-internal/ledger-test-targets.js';
import { addToSpendColumns, type SpendIncrement } from './add-to-spend-columns.js';

describe.each(ledgerTestTargets())('addToSpendColumns on $name', (target) => {
  let ledger: TestLedger;

  beforeEach(async () => {
    ledger = await target.open();
  });
  afterEach(() => ledger.close());

  const createUsers = async (count: number) => {
    const users = new UserStore(ledger.db);
    const ids = Array.from({ length: count }, (_, index) => `user-${String(index).padStart(4, '0')}`);
    for (const userId of ids) await users.create({ userId });
    return ids;
  };
  const userSpend = async () => {
    const rows = await ledger.db.selectFrom('users').select(['user_id', 'spend_nano']).orderBy('user_id').execute();
    return Object.fromEntries(rows.map((row) => [row.user_id, row.spend_nano]));
  };

  it('adds each amount to the row it names, exactly past 2^53, and skips rows that do not exist', async () => {
    await createUsers(2);
    await ledger.db.updateTable('users').set({ spend_nano: 2n ** 60n }).where('user_id', '=', 'user-0001').execute();
    await ledger.db.transaction().execute((trx) =>
      addToSpendColumns(trx, 'users', [
        { ids: ['user-0001'], amountNano: 7n },
        { ids: ['ghost'], amountNano: 5n },
        { ids: ['user-0000'], amountNano: 1_000_000_000_000n },
      ]),
    );
    expect(await userSpend()).toEqual({ 'user-0000': 1_000_000_000_000n, 'user-0001': 2n ** 60n + 7n });
  });

  it('names a team member by team and user', async () => {
    await createUsers(2);
    await new TeamStore(ledger.db).create({ teamId: 'red' });
    await new TeamStore(ledger.db).create({ teamId: 'blue' });
    const members = new TeamMemberStore(ledger.db);
    for (const [teamId, userId] of [['red', 'user-0000'], ['red', 'user-0001'], ['blue', 'user-0000']] as const) await members.add({ teamId, userId });
    await ledger.db.transaction().execute((trx) =>
      addToSpendColumns(trx, 'team_members', [
        { ids: ['red', 'user-0001'], amountNano: 3n },
        { ids: ['blue', 'user-0000'], amountNano: 40n },
      ]),
    );
    const rows = await ledger.db.selectFrom('team_members').select(['team_id', 'user_id', 'spend_nano']).orderBy('team_id').orderBy('user_id').execute();
    expect(rows.map((row) => [row.team_id, row.user_id, row.spend_nano])).toEqual([
      ['blue', 'user-0000', 40n],
      ['red', 'user-0000', 0n],
      ['red', 'user-0001', 3n],
    ]);
  });

  it('writes more rows than one statement holds', async () => {
    const ids = await createUsers(1_203);
    await ledger.db.transaction().execute((trx) => addToSpendColumns(trx, 'users', ids.map((userId, index) => ({ ids: [userId], amountNano: BigInt(index + 1) }))));
    const spend = await userSpend();
    expect(Object.keys(spend)).toHaveLength(1_203);
    expect(ids.every((userId, index) => spend[userId] === BigInt(index + 1))).toBe(true);
  }, 30_000);

  it('refuses an increment with the wrong number of ids', async () => {
    await expect(ledger.db.transaction().execute((trx) => addToSpendColumns(trx, 'team_members', [{ ids: ['red'], amountNano: 1n }]))).rejects.toThrow(RangeError);
  });

  if (target.name === 'postgres') {
    it('lets concurrent transactions over the same rows, listed in different orders, wait instead of deadlocking', async () => {
      const ids = await createUsers(300);
      const handles = [ledger.db, ...(await Promise.all([1, 2, 3].map(() => ledger.openAnother({ poolSize: 2 }))))];
      const shuffled = (seed: number): SpendIncrement[] =>
        ids.map((userId, index) => ({ userId, key: (index * 7_919 + seed * 104_729) % 300 })).sort((a, b) => a.key - b.key).map(({ userId }) => ({ ids: [userId], amountNano: 1n }));
      await Promise.all(
        Array.from({ length: 16 }, (_, call) =>
          handles[call % handles.length]!.transaction().execute(async (trx) => {
            await addToSpendColumns(trx, 'users', call % 2 === 0 ? shuffled(call) : shuffled(call).reverse());
          }),
        ),
      );
      expect(new Set(Object.values(await userSpend()))).toEqual(new Set([16n]));
    }, 60_000);
  }
});
