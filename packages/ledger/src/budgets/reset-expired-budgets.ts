import { sql, type ExpressionBuilder, type Kysely } from 'kysely';
import { budgetWindowAt } from '../budget-window/budget-window.js';
import { readInt } from '../db/column-values.js';
import type { LedgerSchema } from '../db/ledger-schema.js';

/** Options of {@link resetExpiredBudgets}. */
export interface ResetExpiredBudgetsOptions {
  /** The instant to reset as of (a fixed one in tests); default now. */
  now?: Date;
  /** IANA zone of the budget calendar (`litellm_settings.timezone`); default UTC. */
  timezone?: string;
  /** Rows handled per query round; default 500. */
  batchSize?: number;
}

/** How many rows of each kind had their window rolled over. */
export interface ResetExpiredBudgetsResult {
  keys: number;
  users: number;
  teams: number;
  teamMembers: number;
  customers: number;
}

type Db = Kysely<LedgerSchema>;
type Table = 'keys' | 'users' | 'teams' | 'team_members' | 'customers';

/** The spend of the current window, from the logs, for the row being updated (a correlated subquery). */
function windowSpend(table: Table, windowStartMs: number) {
  return (eb: ExpressionBuilder<LedgerSchema, Table>) => {
    let logs = eb.selectFrom('spend_logs').where('spend_logs.start_time', '>=', BigInt(windowStartMs));
    // Every hash the key has had (a key regenerated twice in the window logged under three).
    if (table === 'keys') {
      logs = logs.where('spend_logs.api_key', 'in', (inner) => inner.selectFrom('key_hashes').select('key_hashes.token_hash').whereRef('key_hashes.key_id', '=', sql.ref('keys.key_id')));
    }
    if (table === 'users') logs = logs.whereRef('spend_logs.user', '=', sql.ref('users.user_id'));
    if (table === 'teams') logs = logs.whereRef('spend_logs.team_id', '=', sql.ref('teams.team_id'));
    if (table === 'team_members') logs = logs.whereRef('spend_logs.team_id', '=', sql.ref('team_members.team_id')).whereRef('spend_logs.user', '=', sql.ref('team_members.user_id'));
    if (table === 'customers') logs = logs.whereRef('spend_logs.end_user', '=', sql.ref('customers.user_id'));
    return logs.select((inner) => inner.fn.coalesce(inner.fn.sum<number | bigint>('spend_logs.spend_nano'), inner.lit(0)).as('total'));
  };
}

const PRIMARY_KEYS: Record<Table, string[]> = {
  keys: ['token_hash'],
  users: ['user_id'],
  teams: ['team_id'],
  team_members: ['team_id', 'user_id'],
  customers: ['user_id'],
};

async function resetTable(db: Db, table: Table, options: Required<ResetExpiredBudgetsOptions>): Promise<number> {
  const nowMs = BigInt(options.now.getTime());
  const keyColumns = PRIMARY_KEYS[table];
  let count = 0;
  for (;;) {
    const due = (await db
      .selectFrom(table)
      .select([...keyColumns.map((column) => db.dynamic.ref(column)), 'budget_duration', 'budget_reset_at'])
      .where('budget_reset_at', '<=', nowMs)
      .where('budget_duration', 'is not', null)
      .orderBy('budget_reset_at')
      .limit(options.batchSize)
      .execute()) as unknown as Array<Record<string, unknown> & { budget_duration: string; budget_reset_at: unknown }>;
    for (const row of due) {
      const window = budgetWindowAt({ duration: row.budget_duration, at: options.now, timezone: options.timezone });
      let update = db
        .updateTable(table)
        .set((eb) => ({ spend_nano: windowSpend(table, window.start.getTime())(eb), budget_reset_at: window.end.getTime() }))
        // Guard on the old reset instant: a second runner finds nothing to do instead of resetting twice.
        .where('budget_reset_at', '=', BigInt(readInt(row.budget_reset_at)));
      for (const column of keyColumns) update = update.where(sql.ref(column), '=', row[column]);
      const result = await update.executeTakeFirst();
      count += Number(result.numUpdatedRows);
    }
    if (due.length < options.batchSize) return count;
  }
}

/**
 * Rolls stored spend over to the current window for every key, user, team, team member and customer whose
 * `budget_reset_at` has passed (the worker's scheduled job). Unlike LiteLLM, which sets spend to 0, the stored spend
 * becomes the exact spend logged since the current window began, so calls booked between the boundary and the job
 * stay counted; `budget_reset_at` moves to the window's end, calendar-aligned in `timezone`. The stored spend is for
 * display and admission hints; live counters keyed by window enforce budgets without waiting for this job.
 */
export async function resetExpiredBudgets(db: Db, options: ResetExpiredBudgetsOptions = {}): Promise<ResetExpiredBudgetsResult> {
  const resolved: Required<ResetExpiredBudgetsOptions> = {
    now: options.now ?? new Date(),
    timezone: options.timezone ?? 'UTC',
    batchSize: options.batchSize ?? 500,
  };
  return {
    keys: await resetTable(db, 'keys', resolved),
    users: await resetTable(db, 'users', resolved),
    teams: await resetTable(db, 'teams', resolved),
    teamMembers: await resetTable(db, 'team_members', resolved),
    customers: await resetTable(db, 'customers', resolved),
  };
}
