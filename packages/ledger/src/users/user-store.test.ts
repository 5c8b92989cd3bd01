import { NotFoundError } from '@tollgate/core';
import { KeyStore } from '../keys/key-store.js';
import { TeamMemberStore } from '../teams/team-member-store.js';
import { TeamStore } from '../teams/team-store.js';
import { ledgerTestTargets, type TestLedger } from '../testing-internal/ledger-test-targets.js';
import { UserStore } from './user-store.js';

describe.each(ledgerTestTargets())('UserStore on $name', (target) => {
  let ledger: TestLedger;
  let now: Date;
  let users: UserStore;
  const clock = () => now;

  beforeEach(async () => {
    ledger = await target.open();
    now = new Date('2024-05-15T10:30:00Z');
    users = new UserStore(ledger.db, { clock });
  });
  afterEach(() => ledger.close());

  it('creates with a generated id and defaults, reads by id and email', async () => {
    const user = await users.create({ userEmail: 'ada@example.com', maxBudgetNano: 10n, budgetDuration: '1mo', models: ['gpt-4o'] });
    expect(user.userId).toMatch(/^[0-9a-f-]{36}$/);
    expect(user).toMatchObject({ userRole: 'internal_user', spendNano: 0n, maxBudgetNano: 10n, models: ['gpt-4o'], metadata: {} });
    expect(user.budgetResetAt?.toISOString()).toBe('2024-06-01T00:00:00.000Z');
    expect(await users.get(user.userId)).toEqual(user);
    expect(await users.getByEmail('ada@example.com')).toEqual(user);
    await expect(users.getOrThrow('nobody')).rejects.toThrow('User nobody not found');
  });

  it('refuses a duplicate id or email', async () => {
    await users.create({ userId: 'ada', userEmail: 'ada@example.com' });
    await expect(users.create({ userId: 'ada' })).rejects.toMatchObject({ param: 'user_id', status: 400 });
    await expect(users.create({ userId: 'other', userEmail: 'ada@example.com' })).rejects.toMatchObject({ param: 'user_email' });
  });

  it('updates and deletes, removing memberships', async () => {
    await users.create({ userId: 'ada' });
    const updated = await users.update('ada', { userRole: 'proxy_admin', spendNano: 5n, userAlias: 'Ada' });
    expect(updated).toMatchObject({ userRole: 'proxy_admin', spendNano: 5n, userAlias: 'Ada' });
    await expect(users.update('ghost', { userAlias: 'x' })).rejects.toBeInstanceOf(NotFoundError);
    await new TeamStore(ledger.db).create({ teamId: 'red' });
    await new TeamMemberStore(ledger.db).add({ teamId: 'red', userId: 'ada' });
    expect(await users.delete(['ada', 'ghost'])).toEqual(['ada']);
    expect(await new TeamMemberStore(ledger.db).listByUser('ada')).toEqual([]);
  });

  it('lists with filters, key counts, paging and sorting', async () => {
    await users.create({ userId: 'ada', userEmail: 'Ada@Example.com', userRole: 'proxy_admin', spendNano: 3n });
    now = new Date(now.getTime() + 1000);
    await users.create({ userId: 'bob', userEmail: 'bob@example.org', spendNano: 1n });
    now = new Date(now.getTime() + 1000);
    await users.create({ userId: 'cy_1', userEmail: 'cy_1@example.org', spendNano: 2n });
    const keys = new KeyStore(ledger.db);
    await keys.create({ userId: 'bob' });
    await keys.create({ userId: 'bob' });
    await new TeamStore(ledger.db).create({ teamId: 'red' });
    await new TeamMemberStore(ledger.db).add({ teamId: 'red', userId: 'cy_1' });

    const all = await users.list();
    expect(all.users.map((user) => [user.userId, user.keyCount])).toEqual([['cy_1', 0], ['bob', 2], ['ada', 0]]);
    expect(all).toMatchObject({ total: 3, page: 1, pageSize: 25, totalPages: 1 });
    expect((await users.list({ role: 'proxy_admin' })).users.map((user) => user.userId)).toEqual(['ada']);
    expect((await users.list({ userEmail: 'EXAMPLE.ORG' })).total).toBe(2);
    expect((await users.list({ userEmail: '_' })).users.map((user) => user.userId)).toEqual(['cy_1']);
    expect((await users.list({ teamId: 'red' })).users.map((user) => user.userId)).toEqual(['cy_1']);
    expect((await users.list({ userIds: ['ada', 'bob'], sortBy: 'spend', sortOrder: 'asc' })).users.map((user) => user.userId)).toEqual(['bob', 'ada']);
    expect((await users.list({ userIds: [] })).total).toBe(0);
    const paged = await users.list({ pageSize: 2, page: 2 });
    expect(paged).toMatchObject({ total: 3, totalPages: 2 });
    expect(paged.users.map((user) => user.userId)).toEqual(['ada']);
  });
});
