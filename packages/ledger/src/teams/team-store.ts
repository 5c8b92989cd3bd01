import { randomUUID } from 'node:crypto';
import { BadRequestError, NotFoundError } from '@tollgate/core';
import type { Insertable } from 'kysely';
import { resolvePage, totalPagesOf, type PageRequest } from '../common/pagination.js';
import { resolveStoreOptions, type ResolvedStoreOptions, type StoreOptions } from '../common/store-options.js';
import { readInt } from '../db/column-values.js';
import type { LedgerDb, TeamsTable } from '../db/ledger-schema.js';
import { isUniqueViolation } from '../db/sql-errors.js';
import type { CreateTeamInput, TeamFieldsInput, TeamRecord } from './team-record.js';
import { rowToTeamRecord, teamFieldsToColumns } from './team-row.js';

/** Filters and paging of {@link TeamStore.list}. */
export interface ListTeamsOptions extends PageRequest {
  /** Only teams this user is a member of. */
  userId?: string;
  /** Exact team alias. */
  teamAlias?: string;
}

/** One page of teams. */
export interface TeamPage {
  teams: TeamRecord[];
  total: number;
  page: number;
  pageSize: number;
  totalPages: number;
}

/** Teams: create, read, update, delete, list, block. Memberships are in `TeamMemberStore`. */
export class TeamStore {
  private readonly options: ResolvedStoreOptions;

  constructor(
    private readonly db: LedgerDb,
    options?: StoreOptions,
  ) {
    this.options = resolveStoreOptions(options);
  }

  /** Creates a team; 400 when the id is taken. */
  async create(input: CreateTeamInput = {}): Promise<TeamRecord> {
    const now = this.options.clock().getTime();
    const teamId = input.teamId ?? randomUUID();
    const row = {
      team_id: teamId,
      models: '[]',
      model_rpm_limit: '{}',
      model_tpm_limit: '{}',
      model_max_budget: '{}',
      model_aliases: '{}',
      budget_limits: '[]',
      metadata: '{}',
      created_at: now,
      updated_at: now,
      ...teamFieldsToColumns(input, this.options),
    } as Insertable<TeamsTable>;
    try {
      return rowToTeamRecord(await this.db.insertInto('teams').values(row).returningAll().executeTakeFirstOrThrow());
    } catch (error) {
      if (isUniqueViolation(error)) throw new BadRequestError(`Team id = ${teamId} already exists. Please use a different team id.`, { param: 'team_id', cause: error });
      throw error;
    }
  }

  /** The team with this id, or undefined. */
  async get(teamId: string): Promise<TeamRecord | undefined> {
    const row = await this.db.selectFrom('teams').selectAll().where('team_id', '=', teamId).executeTakeFirst();
    return row === undefined ? undefined : rowToTeamRecord(row);
  }

  /** Like {@link get}, throwing a 404 when missing. */
  async getOrThrow(teamId: string): Promise<TeamRecord> {
    const record = await this.get(teamId);
    if (record === undefined) throw new NotFoundError(`Team not found, passed team_id=${teamId}`, { param: 'team_id' });
    return record;
  }

  /** Changes the given fields; 404 when the team does not exist. */
  async update(teamId: string, input: TeamFieldsInput): Promise<TeamRecord> {
    const columns = { ...teamFieldsToColumns(input, this.options), updated_at: this.options.clock().getTime() };
    const row = await this.db.updateTable('teams').set(columns).where('team_id', '=', teamId).returningAll().executeTakeFirst();
    if (row === undefined) throw new NotFoundError(`Team not found, passed team_id=${teamId}`, { param: 'team_id' });
    return rowToTeamRecord(row);
  }

  /** Blocks or unblocks a team (all its keys stop working while blocked). */
  setBlocked(teamId: string, blocked: boolean): Promise<TeamRecord> {
    return this.update(teamId, { blocked });
  }

  /**
   * Deletes teams with their memberships and per-model spend; returns the ids deleted. Keys that name the team are
   * left for the caller (LiteLLM's `/team/delete` deletes them; the proxy does that through KeyStore).
   */
  async delete(teamIds: string[]): Promise<string[]> {
    if (teamIds.length === 0) return [];
    return this.db.transaction().execute(async (trx) => {
      const deleted = await trx.deleteFrom('teams').where('team_id', 'in', teamIds).returning('team_id').execute();
      await trx.deleteFrom('team_members').where('team_id', 'in', teamIds).execute();
      await trx.deleteFrom('model_spend').where('entity_type', '=', 'team').where('entity_id', 'in', teamIds).execute();
      return deleted.map((row) => row.team_id);
    });
  }

  /** One page of teams, oldest first. */
  async list(options: ListTeamsOptions = {}): Promise<TeamPage> {
    const page = resolvePage({ page: options.page, pageSize: options.pageSize }, { pageSize: 25 });
    let query = this.db.selectFrom('teams');
    if (options.teamAlias !== undefined) query = query.where('team_alias', '=', options.teamAlias);
    if (options.userId !== undefined) {
      const userId = options.userId;
      query = query.where('team_id', 'in', (eb) => eb.selectFrom('team_members').select('team_members.team_id').where('team_members.user_id', '=', userId));
    }
    const [countRow, rows] = await Promise.all([
      query.select((eb) => eb.fn.countAll().as('count')).executeTakeFirstOrThrow(),
      query.selectAll().orderBy('created_at', 'asc').orderBy('team_id', 'asc').limit(page.pageSize).offset(page.offset).execute(),
    ]);
    const total = readInt(countRow.count);
    return { teams: rows.map(rowToTeamRecord), total, page: page.page, pageSize: page.pageSize, totalPages: totalPagesOf(total, page.pageSize) };
  }
}
