import { randomUUID } from 'node:crypto';
import { BadRequestError, NotFoundError } from '@tollgate/core';
import { sql, type Insertable } from 'kysely';
import { resolvePage, totalPagesOf, type PageRequest, type SortOrder } from '../common/pagination.js';
import { resolveStoreOptions, type ResolvedStoreOptions, type StoreOptions } from '../common/store-options.js';
import { readInt } from '../db/column-values.js';
import type { LedgerDb, UsersTable } from '../db/ledger-schema.js';
import { isUniqueViolation } from '../db/sql-errors.js';
import type { CreateUserInput, UserFieldsInput, UserRecord, UserRole, UserWithKeyCount } from './user-record.js';
import { rowToUserRecord, userFieldsToColumns } from './user-row.js';

/** Columns `/user/list` may sort by. */
export type UserSortField = 'user_id' | 'user_email' | 'created_at' | 'spend' | 'user_alias' | 'user_role';

const SORT_COLUMNS = {
  user_id: 'user_id',
  user_email: 'user_email',
  created_at: 'created_at',
  spend: 'spend_nano',
  user_alias: 'user_alias',
  user_role: 'user_role',
} as const;

/** Filters and paging of {@link UserStore.list} (LiteLLM's `/user/list`). */
export interface ListUsersOptions extends PageRequest {
  role?: UserRole;
  userIds?: string[];
  /** Case-insensitive substring of the email. */
  userEmail?: string;
  /** Only members of this team. */
  teamId?: string;
  sortBy?: UserSortField;
  sortOrder?: SortOrder;
}

/** One page of users. */
export interface UserPage {
  users: UserWithKeyCount[];
  total: number;
  page: number;
  pageSize: number;
  totalPages: number;
}

/** Internal users: create, read, update, delete, list. */
export class UserStore {
  private readonly options: ResolvedStoreOptions;

  constructor(
    private readonly db: LedgerDb,
    options?: StoreOptions,
  ) {
    this.options = resolveStoreOptions(options);
  }

  /** Creates a user; 400 when the id or email is taken. */
  async create(input: CreateUserInput = {}): Promise<UserRecord> {
    const now = this.options.clock().getTime();
    const row = {
      user_id: input.userId ?? randomUUID(),
      user_role: 'internal_user',
      models: '[]',
      model_max_budget: '{}',
      metadata: '{}',
      created_at: now,
      updated_at: now,
      ...userFieldsToColumns(input, this.options),
    } as Insertable<UsersTable>;
    try {
      return rowToUserRecord(await this.db.insertInto('users').values(row).returningAll().executeTakeFirstOrThrow());
    } catch (error) {
      throw conflictError(error, input);
    }
  }

  /** The user with this id, or undefined. */
  async get(userId: string): Promise<UserRecord | undefined> {
    const row = await this.db.selectFrom('users').selectAll().where('user_id', '=', userId).executeTakeFirst();
    return row === undefined ? undefined : rowToUserRecord(row);
  }

  /** The user with this email, or undefined. */
  async getByEmail(userEmail: string): Promise<UserRecord | undefined> {
    const row = await this.db.selectFrom('users').selectAll().where('user_email', '=', userEmail).executeTakeFirst();
    return row === undefined ? undefined : rowToUserRecord(row);
  }

  /** Like {@link get}, throwing LiteLLM's 404 when missing. */
  async getOrThrow(userId: string): Promise<UserRecord> {
    const record = await this.get(userId);
    if (record === undefined) throw new NotFoundError(`User ${userId} not found`, { param: 'user_id' });
    return record;
  }

  /** Changes the given fields; 404 when the user does not exist. */
  async update(userId: string, input: UserFieldsInput): Promise<UserRecord> {
    const columns = { ...userFieldsToColumns(input, this.options), updated_at: this.options.clock().getTime() };
    try {
      const row = await this.db.updateTable('users').set(columns).where('user_id', '=', userId).returningAll().executeTakeFirst();
      if (row === undefined) throw new NotFoundError(`User ${userId} not found`, { param: 'user_id' });
      return rowToUserRecord(row);
    } catch (error) {
      throw conflictError(error, input);
    }
  }

  /**
   * Deletes users and their team memberships; returns the ids deleted. Their keys stay (the caller decides whether
   * to delete them, as `/user/delete` does).
   */
  async delete(userIds: string[]): Promise<string[]> {
    if (userIds.length === 0) return [];
    return this.db.transaction().execute(async (trx) => {
      const deleted = await trx.deleteFrom('users').where('user_id', 'in', userIds).returning('user_id').execute();
      await trx.deleteFrom('team_members').where('user_id', 'in', userIds).execute();
      return deleted.map((row) => row.user_id);
    });
  }

  /** One page of users with their key counts. */
  async list(options: ListUsersOptions = {}): Promise<UserPage> {
    const page = resolvePage({ page: options.page, pageSize: options.pageSize }, { pageSize: 25 });
    let query = this.db.selectFrom('users');
    if (options.role !== undefined) query = query.where('user_role', '=', options.role);
    if (options.userIds !== undefined) query = options.userIds.length === 0 ? query.where((eb) => eb.or([])) : query.where('user_id', 'in', options.userIds);
    if (options.userEmail !== undefined) {
      const pattern = `%${options.userEmail.toLowerCase().replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
      query = query.where(sql<boolean>`lower(${sql.ref('user_email')}) like ${pattern} escape '\\'`);
    }
    if (options.teamId !== undefined) {
      const teamId = options.teamId;
      query = query.where('user_id', 'in', (eb) => eb.selectFrom('team_members').select('team_members.user_id').where('team_members.team_id', '=', teamId));
    }
    const sortColumn = SORT_COLUMNS[options.sortBy ?? 'created_at'];
    const direction = options.sortOrder ?? 'desc';
    const [countRow, rows] = await Promise.all([
      query.select((eb) => eb.fn.countAll().as('count')).executeTakeFirstOrThrow(),
      query
        .selectAll('users')
        .select((eb) => eb.selectFrom('keys').whereRef('keys.user_id', '=', 'users.user_id').select((inner) => inner.fn.countAll().as('n')).as('key_count'))
        .orderBy(sortColumn, direction)
        .orderBy('user_id', direction)
        .limit(page.pageSize)
        .offset(page.offset)
        .execute(),
    ]);
    const total = readInt(countRow.count);
    return {
      users: rows.map(({ key_count, ...row }) => ({ ...rowToUserRecord(row), keyCount: readInt(key_count) })),
      total,
      page: page.page,
      pageSize: page.pageSize,
      totalPages: totalPagesOf(total, page.pageSize),
    };
  }
}

function conflictError(error: unknown, input: { userId?: string; userEmail?: string | null }): unknown {
  if (!isUniqueViolation(error)) return error;
  const onEmail = /email/i.test(String((error as Error).message));
  return new BadRequestError(onEmail ? `User with email ${input.userEmail ?? ''} already exists` : `User ${input.userId ?? ''} already exists`, {
    param: onEmail ? 'user_email' : 'user_id',
    cause: error,
  });
}
