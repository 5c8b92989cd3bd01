import { BadRequestError, NotFoundError } from '@tollgate/core';
import { ledgerTestTargets, type TestLedger } from '../testing-internal/ledger-test-targets.js';
import { TeamMemberStore } from './team-member-store.js';
import { TeamStore } from './team-store.js';

describe.each(ledgerTestTargets())('TeamStore and TeamMemberStore on $name', (target) => {
  let ledger: TestLedger;
  let now: Date;
  let teams: TeamStore;
  let members: TeamMemberStore;

  beforeEach(async () => {
    ledger = await target.open();
    now = new Date('2024-05-15T10:30:00Z');
    teams = new TeamStore(ledger.db, { clock: () => now, timezone: 'Europe/Berlin' });
    members = new TeamMemberStore(ledger.db, { clock: () => now, timezone: 'Europe/Berlin' });
  });
  afterEach(() => ledger.close());

  it('creates, reads, updates, blocks and lists teams', async () => {
    const team = await teams.create({
      teamId: 'red',
      teamAlias: 'Red',
      maxBudgetNano: 100n,
      budgetDuration: '1d',
      modelAliases: { fast: 'gpt-4o-mini' },
      modelRpmLimit: { 'gpt-4o': 10 },
      budgetLimits: [{ budgetDuration: '30d', maxBudgetNano: 1000n }],
      teamMemberBudgetNano: 7n,
      teamMemberBudgetDuration: '7d',
    });
    expect(team.budgetResetAt?.toISOString()).toBe('2024-05-15T22:00:00.000Z'); // next Berlin midnight
    expect(await teams.get('red')).toEqual(team);
    await expect(teams.create({ teamId: 'red' })).rejects.toBeInstanceOf(BadRequestError);
    expect((await teams.setBlocked('red', true)).blocked).toBe(true);
    expect((await teams.update('red', { teamAlias: null, models: ['gpt-4o'] })).teamAlias).toBeNull();
    await expect(teams.update('blue', { teamAlias: 'x' })).rejects.toBeInstanceOf(NotFoundError);
    now = new Date(now.getTime() + 1000);
    await teams.create({ teamId: 'blue' });
    expect((await teams.list()).teams.map((item) => item.teamId)).toEqual(['red', 'blue']);
    expect((await teams.list({ teamAlias: 'nope' })).total).toBe(0);
  });

  it('adds members with the team defaults, updates and removes them', async () => {
    await teams.create({ teamId: 'red', teamMemberBudgetNano: 7n, teamMemberBudgetDuration: '7d', teamMemberRpmLimit: 5 });
    const defaulted = await members.add({ teamId: 'red', userId: 'ada' });
    expect(defaulted).toMatchObject({ role: 'user', maxBudgetInTeamNano: 7n, budgetDuration: '7d', rpmLimit: 5, tpmLimit: null, spendNano: 0n });
    expect(defaulted.budgetResetAt?.toISOString()).toBe('2024-05-19T22:00:00.000Z'); // Monday 00:00 Berlin
    const explicit = await members.add({ teamId: 'red', userId: 'bob', role: 'admin', maxBudgetInTeamNano: null, budgetDuration: null });
    expect(explicit).toMatchObject({ role: 'admin', maxBudgetInTeamNano: null, budgetDuration: null, budgetResetAt: null });
    await expect(members.add({ teamId: 'red', userId: 'ada' })).rejects.toThrow('already a member');
    await expect(members.add({ teamId: 'green', userId: 'ada' })).rejects.toBeInstanceOf(NotFoundError);
    expect((await members.update('red', 'ada', { maxBudgetInTeamNano: 9n, tpmLimit: 100 })).maxBudgetInTeamNano).toBe(9n);
    await expect(members.update('red', 'cy', { role: 'admin' })).rejects.toBeInstanceOf(NotFoundError);
    expect((await members.listByTeam('red')).map((member) => member.userId)).toEqual(['ada', 'bob']);
    expect((await teams.list({ userId: 'bob' })).teams.map((team) => team.teamId)).toEqual(['red']);
    expect(await members.remove('red', 'ada')).toBe(true);
    expect(await members.remove('red', 'ada')).toBe(false);
    expect(await members.get('red', 'ada')).toBeUndefined();
  });

  it('deletes a team with its memberships', async () => {
    await teams.create({ teamId: 'red' });
    await members.add({ teamId: 'red', userId: 'ada' });
    expect(await teams.delete(['red', 'none'])).toEqual(['red']);
    expect(await members.listByUser('ada')).toEqual([]);
    expect(await teams.get('red')).toBeUndefined();
  });
});
