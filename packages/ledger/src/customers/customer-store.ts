import { BadRequestError, NotFoundError } from '@tollgate/core';
import type { Insertable, Selectable, Updateable } from 'kysely';
import { budgetFieldsToColumns, readBudgetFields } from '../common/budget-fields.js';
import { resolvePage, totalPagesOf, type PageRequest } from '../common/pagination.js';
import { resolveStoreOptions, type ResolvedStoreOptions, type StoreOptions } from '../common/store-options.js';
import { readBoolean, readInt, writeBoolean } from '../db/column-values.js';
import type { CustomersTable, LedgerDb } from '../db/ledger-schema.js';
import { isUniqueViolation } from '../db/sql-errors.js';
import { rowToBudgetRecord } from '../budget-objects/budget-store.js';
import { customerHeldToBudget } from './customer-held-to-budget.js';
import type { CreateCustomerInput, CustomerFieldsInput, CustomerRecord } from './customer-record.js';

function rowToCustomerRecord(row: Selectable<CustomersTable>): CustomerRecord {
  const region = row.allowed_model_region;
  return {
    ...readBudgetFields(row),
    userId: row.user_id,
    alias: row.alias,
    blocked: readBoolean(row.blocked),
    allowedModelRegion: region === 'eu' || region === 'us' ? region : null,
    defaultModel: row.default_model,
    budgetId: row.budget_id,
  };
}

function customerFieldsToColumns(input: CustomerFieldsInput, options: ResolvedStoreOptions): Updateable<CustomersTable> {
  const region = input.allowedModelRegion;
  if (region !== undefined && region !== null && region !== 'eu' && region !== 'us') {
    throw new BadRequestError('allowed_model_region must be "eu" or "us"', { param: 'allowed_model_region' });
  }
  const columns: Updateable<CustomersTable> = { ...budgetFieldsToColumns(input, options) };
  if (input.alias !== undefined) columns.alias = input.alias;
  if (input.blocked !== undefined) columns.blocked = writeBoolean(input.blocked);
  if (region !== undefined) columns.allowed_model_region = region;
  if (input.defaultModel !== undefined) columns.default_model = input.defaultModel;
  if (input.budgetId !== undefined) columns.budget_id = input.budgetId;
  return columns;
}

/** One page of customers. */
export interface CustomerPage {
  customers: CustomerRecord[];
  total: number;
  page: number;
  pageSize: number;
  totalPages: number;
}

/**
 * Customers (end users). Spend accounting also creates a customer row the first time an unknown end user spends,
 * as LiteLLM does, so `/customer/info` shows spend for every end user seen.
 */
export class CustomerStore {
  private readonly options: ResolvedStoreOptions;

  constructor(
    private readonly db: LedgerDb,
    options?: StoreOptions,
  ) {
    this.options = resolveStoreOptions(options);
  }

  /** Creates a customer; 400 when the id is taken. */
  async create(input: CreateCustomerInput): Promise<CustomerRecord> {
    if (input.userId === '') throw new BadRequestError('user_id is required', { param: 'user_id' });
    await this.checkBudgetExists(input.budgetId);
    const now = this.options.clock().getTime();
    const row = { user_id: input.userId, metadata: '{}', created_at: now, updated_at: now, ...customerFieldsToColumns(input, this.options) } as Insertable<CustomersTable>;
    try {
      return rowToCustomerRecord(await this.db.insertInto('customers').values(row).returningAll().executeTakeFirstOrThrow());
    } catch (error) {
      if (isUniqueViolation(error)) throw new BadRequestError(`Customer ${input.userId} already exists`, { param: 'user_id', cause: error });
      throw error;
    }
  }

  /**
   * The customer as a call sees it: held to its linked budget object's limits where its own are unset (see
   * {@link customerHeldToBudget}); undefined when unknown. A dangling `budget_id` adds nothing.
   */
  async getForCall(userId: string): Promise<CustomerRecord | undefined> {
    const customer = await this.get(userId);
    if (customer === undefined || customer.budgetId === null) return customer;
    const budget = await this.db.selectFrom('budgets').selectAll().where('budget_id', '=', customer.budgetId).executeTakeFirst();
    return budget === undefined ? customer : customerHeldToBudget(customer, rowToBudgetRecord(budget));
  }

  private async checkBudgetExists(budgetId: string | null | undefined): Promise<void> {
    if (budgetId === undefined || budgetId === null) return;
    const row = await this.db.selectFrom('budgets').select('budget_id').where('budget_id', '=', budgetId).executeTakeFirst();
    if (row === undefined) throw new BadRequestError(`Budget id=${budgetId} does not exist; create it with /budget/new`, { param: 'budget_id' });
  }

  /** The customer, or undefined. */
  async get(userId: string): Promise<CustomerRecord | undefined> {
    const row = await this.db.selectFrom('customers').selectAll().where('user_id', '=', userId).executeTakeFirst();
    return row === undefined ? undefined : rowToCustomerRecord(row);
  }

  /** Like {@link get}, throwing a 404 when missing. */
  async getOrThrow(userId: string): Promise<CustomerRecord> {
    const record = await this.get(userId);
    if (record === undefined) throw new NotFoundError(`End User Id=${userId} does not exist in db`, { param: 'end_user_id' });
    return record;
  }

  /** Changes the given fields; 404 when the customer does not exist. */
  async update(userId: string, input: CustomerFieldsInput): Promise<CustomerRecord> {
    await this.checkBudgetExists(input.budgetId);
    const columns = { ...customerFieldsToColumns(input, this.options), updated_at: this.options.clock().getTime() };
    const row = await this.db.updateTable('customers').set(columns).where('user_id', '=', userId).returningAll().executeTakeFirst();
    if (row === undefined) throw new NotFoundError(`End User Id=${userId} does not exist in db`, { param: 'user_id' });
    return rowToCustomerRecord(row);
  }

  /** Blocks or unblocks customers; returns the ids changed (LiteLLM's `{"blocked_users": [...]}`). */
  async setBlocked(userIds: string[], blocked: boolean): Promise<string[]> {
    if (userIds.length === 0) return [];
    const rows = await this.db
      .updateTable('customers')
      .set({ blocked: writeBoolean(blocked), updated_at: this.options.clock().getTime() })
      .where('user_id', 'in', userIds)
      .returning('user_id')
      .execute();
    return rows.map((row) => row.user_id);
  }

  /** Deletes customers; returns the ids deleted. */
  async delete(userIds: string[]): Promise<string[]> {
    if (userIds.length === 0) return [];
    const rows = await this.db.deleteFrom('customers').where('user_id', 'in', userIds).returning('user_id').execute();
    return rows.map((row) => row.user_id);
  }

  /** One page of customers, oldest first. */
  async list(request: PageRequest = {}): Promise<CustomerPage> {
    const page = resolvePage(request, { pageSize: 25 });
    const [countRow, rows] = await Promise.all([
      this.db.selectFrom('customers').select((eb) => eb.fn.countAll().as('count')).executeTakeFirstOrThrow(),
      this.db.selectFrom('customers').selectAll().orderBy('created_at', 'asc').orderBy('user_id', 'asc').limit(page.pageSize).offset(page.offset).execute(),
    ]);
    const total = readInt(countRow.count);
    return { customers: rows.map(rowToCustomerRecord), total, page: page.page, pageSize: page.pageSize, totalPages: totalPagesOf(total, page.pageSize) };
  }
}
