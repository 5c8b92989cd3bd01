import { sumSpendInWindow, type Ledger, type SpendOwner } from '@tollgate/ledger';
import type { BudgetWindowLimit, LimitScope, SeedBudget } from '@tollgate/limits';

function ownerOf(scope: LimitScope): { owner: SpendOwner; model?: string } | undefined {
  const [first = '', ...rest] = scope.id.split('/');
  switch (scope.kind) {
    case 'key':
      return { owner: { kind: 'key', keyId: scope.id } };
    case 'user':
      return { owner: { kind: 'user', userId: scope.id } };
    case 'team':
      return { owner: { kind: 'team', teamId: scope.id } };
    case 'team_member':
      return { owner: { kind: 'team_member', teamId: first, userId: rest.join('/') } };
    case 'customer':
      return { owner: { kind: 'customer', endUser: scope.id } };
    case 'model_per_key':
      return { owner: { kind: 'key', keyId: first }, model: rest.join('/') };
    case 'model_per_team':
      return { owner: { kind: 'team', teamId: first }, model: rest.join('/') };
    case 'global':
      return undefined;
  }
}

/**
 * Seeds a live budget counter from the database the first time a proxy sees it: the spend logged in the window
 * (exact, from the spend logs; an all-time window sums from the epoch). The limiter guarantees one seed per counter.
 * A key's counters are named by its stable id and count the logs of every hash it has had, so regenerating a key,
 * restarting or adding a proxy never hands it a fresh budget.
 */
export function createBudgetSeeder(ledger: Ledger): SeedBudget {
  return async (scope: LimitScope, window: BudgetWindowLimit) => {
    const from = new Date(window.windowStartMs);
    const to = window.resetAtMs === null ? undefined : new Date(window.resetAtMs);
    const target = ownerOf(scope);
    if (target === undefined) {
      let query = ledger.db
        .selectFrom('spend_logs')
        .select((eb) => eb.fn.sum<bigint | string | null>('spend_nano').as('total'))
        .where('start_time', '>=', BigInt(from.getTime()));
      if (to !== undefined) query = query.where('start_time', '<', BigInt(to.getTime()));
      const row = await query.executeTakeFirst();
      return BigInt(row?.total ?? 0);
    }
    return sumSpendInWindow(ledger.db, { owner: target.owner, from, ...(to ? { to } : {}), ...(target.model ? { model: target.model } : {}) });
  };
}
