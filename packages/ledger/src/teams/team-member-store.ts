import { BadRequestError, NotFoundError } from '@tollgate/core';
import type { Selectable, Updateable } from 'kysely';
import { resetAtFor } from '../common/budget-fields.js';
import { resolveStoreOptions, type ResolvedStoreOptions, type StoreOptions } from '../common/store-options.js';
import { checkDuration, checkLimit, checkNano } from '../common/validate-input.js';
import { readBigInt, readDate, readNullableBigInt, readNullableDate, readNullableInt } from '../db/column-values.js';
import type { LedgerDb, TeamMembersTable } from '../db/ledger-schema.js';
import { isUniqueViolation } from '../db/sql-errors.js';
import type { AddTeamMemberInput, TeamMemberFieldsInput, TeamMemberRecord, TeamRole } from './team-member-record.js';

const ROLES: readonly TeamRole[] = ['admin', 'user'];

function rowToTeamMemberRecord(row: Selectable<TeamMembersTable>): TeamMemberRecord {
  return {
    teamId: row.team_id,
    userId: row.user_id,
    role: row.role === 'admin' ? 'admin' : 'user',
    maxBudgetInTeamNano: readNullableBigInt(row.max_budget_in_team_nano),
    spendNano: readBigInt(row.spend_nano),
    budgetDuration: row.budget_duration,
    budgetResetAt: readNullableDate(row.budget_reset_at),
    rpmLimit: readNullableInt(row.rpm_limit),
    tpmLimit: readNullableInt(row.tpm_limit),
    createdAt: readDate(row.created_at),
    updatedAt: readDate(row.updated_at),
  };
}

function memberFieldsToColumns(input: TeamMemberFieldsInput, options: ResolvedStoreOptions): Updateable<TeamMembersTable> {
  if (input.role !== undefined && !ROLES.includes(input.role)) throw new BadRequestError('role must be admin or user', { param: 'role' });
  checkNano(input.maxBudgetInTeamNano, 'max_budget_in_team');
  checkNano(input.spendNano, 'spend');
  checkDuration(input.budgetDuration, 'budget_duration');
  checkLimit(input.rpmLimit, 'rpm_limit');
  checkLimit(input.tpmLimit, 'tpm_limit');
  const columns: Updateable<TeamMembersTable> = {};
  if (input.role !== undefined) columns.role = input.role;
  if (input.maxBudgetInTeamNano !== undefined) columns.max_budget_in_team_nano = input.maxBudgetInTeamNano;
  if (input.budgetDuration !== undefined) {
    columns.budget_duration = input.budgetDuration;
    columns.budget_reset_at = resetAtFor(input.budgetDuration, options);
  }
  if (input.rpmLimit !== undefined) columns.rpm_limit = input.rpmLimit;
  if (input.tpmLimit !== undefined) columns.tpm_limit = input.tpmLimit;
  if (input.spendNano !== undefined) columns.spend_nano = input.spendNano;
  return columns;
}

/** Team memberships with per-member budgets (LiteLLM's `/team/member_add|member_update|member_delete`). */
export class TeamMemberStore {
  private readonly options: ResolvedStoreOptions;

  constructor(
    private readonly db: LedgerDb,
    options?: StoreOptions,
  ) {
    this.options = resolveStoreOptions(options);
  }

  /**
   * Adds a user to a team. Budget and limits not given take the team's `team_member_budget`,
   * `team_member_budget_duration`, `team_member_rpm_limit`, `team_member_tpm_limit` as they are now.
   */
  async add(input: AddTeamMemberInput): Promise<TeamMemberRecord> {
    const team = await this.db
      .selectFrom('teams')
      .select(['team_member_budget_nano', 'team_member_budget_duration', 'team_member_rpm_limit', 'team_member_tpm_limit'])
      .where('team_id', '=', input.teamId)
      .executeTakeFirst();
    if (team === undefined) throw new NotFoundError(`Team not found, passed team_id=${input.teamId}`, { param: 'team_id' });
    const now = this.options.clock().getTime();
    const columns = memberFieldsToColumns(
      {
        role: input.role ?? 'user',
        maxBudgetInTeamNano: input.maxBudgetInTeamNano !== undefined ? input.maxBudgetInTeamNano : readNullableBigInt(team.team_member_budget_nano),
        budgetDuration: input.budgetDuration !== undefined ? input.budgetDuration : team.team_member_budget_duration,
        rpmLimit: input.rpmLimit !== undefined ? input.rpmLimit : readNullableInt(team.team_member_rpm_limit),
        tpmLimit: input.tpmLimit !== undefined ? input.tpmLimit : readNullableInt(team.team_member_tpm_limit),
        spendNano: input.spendNano,
      },
      this.options,
    );
    try {
      const row = await this.db
        .insertInto('team_members')
        .values({ ...columns, team_id: input.teamId, user_id: input.userId, role: columns.role ?? 'user', created_at: now, updated_at: now })
        .returningAll()
        .executeTakeFirstOrThrow();
      return rowToTeamMemberRecord(row);
    } catch (error) {
      if (isUniqueViolation(error)) throw new BadRequestError(`User ${input.userId} is already a member of team ${input.teamId}`, { param: 'member', cause: error });
      throw error;
    }
  }

  /** The membership, or undefined. */
  async get(teamId: string, userId: string): Promise<TeamMemberRecord | undefined> {
    const row = await this.db.selectFrom('team_members').selectAll().where('team_id', '=', teamId).where('user_id', '=', userId).executeTakeFirst();
    return row === undefined ? undefined : rowToTeamMemberRecord(row);
  }

  /** Changes a membership; 404 when the user is not in the team. */
  async update(teamId: string, userId: string, input: TeamMemberFieldsInput): Promise<TeamMemberRecord> {
    const columns = { ...memberFieldsToColumns(input, this.options), updated_at: this.options.clock().getTime() };
    const row = await this.db
      .updateTable('team_members')
      .set(columns)
      .where('team_id', '=', teamId)
      .where('user_id', '=', userId)
      .returningAll()
      .executeTakeFirst();
    if (row === undefined) throw new NotFoundError(`User ${userId} is not a member of team ${teamId}`, { param: 'user_id' });
    return rowToTeamMemberRecord(row);
  }

  /** Removes a user from a team; false when they were not a member. */
  async remove(teamId: string, userId: string): Promise<boolean> {
    const result = await this.db.deleteFrom('team_members').where('team_id', '=', teamId).where('user_id', '=', userId).executeTakeFirst();
    return result.numDeletedRows > 0n;
  }

  /** Members of a team, in the order they joined. */
  async listByTeam(teamId: string): Promise<TeamMemberRecord[]> {
    const rows = await this.db.selectFrom('team_members').selectAll().where('team_id', '=', teamId).orderBy('created_at').orderBy('user_id').execute();
    return rows.map(rowToTeamMemberRecord);
  }

  /** Teams a user belongs to, as memberships. */
  async listByUser(userId: string): Promise<TeamMemberRecord[]> {
    const rows = await this.db.selectFrom('team_members').selectAll().where('user_id', '=', userId).orderBy('created_at').orderBy('team_id').execute();
    return rows.map(rowToTeamMemberRecord);
  }
}
