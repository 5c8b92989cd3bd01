import { BadRequestError, NotFoundError } from '@tollgate/core';
import type { Insertable, Selectable, Updateable } from 'kysely';
import { resetAtFor } from '../common/budget-fields.js';
import { resolveStoreOptions, type ResolvedStoreOptions, type StoreOptions } from '../common/store-options.js';
import { checkDuration, checkLimit, checkNano } from '../common/validate-input.js';
import { readDate, readNullableBigInt, readNullableDate, readNullableInt } from '../db/column-values.js';
import type { BudgetsTable, LedgerDb } from '../db/ledger-schema.js';
import { isUniqueViolation } from '../db/sql-errors.js';
import type { BudgetObjectFieldsInput, BudgetRecord, CreateBudgetInput } from './budget-record.js';

export function rowToBudgetRecord(row: Selectable<BudgetsTable>): BudgetRecord {
  return {
    budgetId: row.budget_id,
    maxBudgetNano: readNullableBigInt(row.max_budget_nano),
    softBudgetNano: readNullableBigInt(row.soft_budget_nano),
    budgetDuration: row.budget_duration,
    budgetResetAt: readNullableDate(row.budget_reset_at),
    rpmLimit: readNullableInt(row.rpm_limit),
    tpmLimit: readNullableInt(row.tpm_limit),
    maxParallelRequests: readNullableInt(row.max_parallel_requests),
    createdBy: row.created_by,
    updatedBy: row.updated_by,
    createdAt: readDate(row.created_at),
    updatedAt: readDate(row.updated_at),
  };
}

function budgetFieldsToColumns(input: BudgetObjectFieldsInput, options: ResolvedStoreOptions): Updateable<BudgetsTable> {
  checkNano(input.maxBudgetNano, 'max_budget');
  checkNano(input.softBudgetNano, 'soft_budget');
  checkDuration(input.budgetDuration, 'budget_duration');
  checkLimit(input.rpmLimit, 'rpm_limit');
  checkLimit(input.tpmLimit, 'tpm_limit');
  checkLimit(input.maxParallelRequests, 'max_parallel_requests');
  const columns: Updateable<BudgetsTable> = {};
  if (input.maxBudgetNano !== undefined) columns.max_budget_nano = input.maxBudgetNano;
  if (input.softBudgetNano !== undefined) columns.soft_budget_nano = input.softBudgetNano;
  if (input.budgetDuration !== undefined) {
    columns.budget_duration = input.budgetDuration;
    columns.budget_reset_at = resetAtFor(input.budgetDuration, options);
  }
  if (input.rpmLimit !== undefined) columns.rpm_limit = input.rpmLimit;
  if (input.tpmLimit !== undefined) columns.tpm_limit = input.tpmLimit;
  if (input.maxParallelRequests !== undefined) columns.max_parallel_requests = input.maxParallelRequests;
  return columns;
}

const notFound = (budgetId: string, param: string) => new NotFoundError(`Budget id=${budgetId} not found`, { param });

/** Budget objects (`/budget/*`). A budget that customers point at cannot be deleted (LiteLLM's foreign key). */
export class BudgetStore {
  private readonly options: ResolvedStoreOptions;

  constructor(
    private readonly db: LedgerDb,
    options?: StoreOptions,
  ) {
    this.options = resolveStoreOptions(options);
  }

  /** Creates a budget; 400 when the id is taken. */
  async create(input: CreateBudgetInput): Promise<BudgetRecord> {
    if (input.budgetId === '') throw new BadRequestError('budget_id is required', { param: 'budget_id' });
    const now = this.options.clock().getTime();
    const changedBy = input.changedBy ?? null;
    const row = {
      budget_id: input.budgetId,
      created_at: now,
      updated_at: now,
      created_by: changedBy,
      updated_by: changedBy,
      ...budgetFieldsToColumns(input, this.options),
    } as Insertable<BudgetsTable>;
    try {
      return rowToBudgetRecord(await this.db.insertInto('budgets').values(row).returningAll().executeTakeFirstOrThrow());
    } catch (error) {
      if (isUniqueViolation(error)) throw new BadRequestError(`Budget id=${input.budgetId} already exists`, { param: 'budget_id', cause: error });
      throw error;
    }
  }

  /** The budget, or undefined. */
  async get(budgetId: string): Promise<BudgetRecord | undefined> {
    const row = await this.db.selectFrom('budgets').selectAll().where('budget_id', '=', budgetId).executeTakeFirst();
    return row === undefined ? undefined : rowToBudgetRecord(row);
  }

  /** The named budgets in the order asked; 404 naming the first missing one. */
  async getMany(budgetIds: readonly string[]): Promise<BudgetRecord[]> {
    if (budgetIds.length === 0) return [];
    const rows = await this.db.selectFrom('budgets').selectAll().where('budget_id', 'in', [...budgetIds]).execute();
    const byId = new Map(rows.map((row) => [row.budget_id, rowToBudgetRecord(row)]));
    return budgetIds.map((budgetId) => {
      const record = byId.get(budgetId);
      if (record === undefined) throw notFound(budgetId, 'budgets');
      return record;
    });
  }

  /** Changes the given fields; 404 when the budget does not exist. */
  async update(budgetId: string, input: BudgetObjectFieldsInput): Promise<BudgetRecord> {
    const columns: Updateable<BudgetsTable> = { ...budgetFieldsToColumns(input, this.options), updated_at: this.options.clock().getTime() };
    if (input.changedBy !== undefined) columns.updated_by = input.changedBy;
    const row = await this.db.updateTable('budgets').set(columns).where('budget_id', '=', budgetId).returningAll().executeTakeFirst();
    if (row === undefined) throw notFound(budgetId, 'budget_id');
    return rowToBudgetRecord(row);
  }

  /** Deletes a budget and returns it; 404 when missing, 400 while customers point at it. */
  async delete(budgetId: string): Promise<BudgetRecord> {
    return this.db.transaction().execute(async (trx) => {
      const linked = await trx.selectFrom('customers').select('user_id').where('budget_id', '=', budgetId).limit(1).executeTakeFirst();
      if (linked !== undefined) {
        throw new BadRequestError(`Budget id=${budgetId} is used by customers (e.g. ${linked.user_id}); unlink them first`, { param: 'id' });
      }
      const row = await trx.deleteFrom('budgets').where('budget_id', '=', budgetId).returningAll().executeTakeFirst();
      if (row === undefined) throw notFound(budgetId, 'id');
      return rowToBudgetRecord(row);
    });
  }

  /** Every budget, oldest first (LiteLLM's `/budget/list` is unpaged). */
  async list(): Promise<BudgetRecord[]> {
    const rows = await this.db.selectFrom('budgets').selectAll().orderBy('created_at', 'asc').orderBy('budget_id', 'asc').execute();
    return rows.map(rowToBudgetRecord);
  }
}
