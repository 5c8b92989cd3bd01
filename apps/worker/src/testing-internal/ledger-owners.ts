import { Ledger, type LedgerDb } from '@tollgate/ledger';

/** The key, user and team that test events are booked to. */
export interface TestOwners {
  keyHash: string;
  userId: string;
  teamId: string;
}

/** Creates a user, a team and a key belonging to both (the raw key given, or a generated one). */
export async function seedOwners(db: LedgerDb, options: { key?: string } = {}): Promise<TestOwners> {
  const ledger = new Ledger(db);
  const user = await ledger.users.create({ userId: 'user-1' });
  const team = await ledger.teams.create({ teamId: 'team-1' });
  const { record } = await ledger.keys.create({ key: options.key, userId: user.userId, teamId: team.teamId });
  return { keyHash: record.tokenHash, userId: user.userId, teamId: team.teamId };
}

/** Spend-log count and sum, and the stored spend of the (single) key, user and team. */
export async function readTotals(db: LedgerDb): Promise<{ logs: number; logSum: bigint; key: bigint; user: bigint; team: bigint }> {
  const logs = await db.selectFrom('spend_logs').select(['spend_nano']).execute();
  const key = await db.selectFrom('keys').select('spend_nano').executeTakeFirstOrThrow();
  const user = await db.selectFrom('users').select('spend_nano').executeTakeFirstOrThrow();
  const team = await db.selectFrom('teams').select('spend_nano').executeTakeFirstOrThrow();
  return {
    logs: logs.length,
    logSum: logs.reduce((sum, row) => sum + (row.spend_nano ?? 0n), 0n),
    key: key.spend_nano,
    user: user.spend_nano,
    team: team.spend_nano,
  };
}
