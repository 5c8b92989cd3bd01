import { BadRequestError } from '@tollgate/core';
import type { Selectable, Updateable } from 'kysely';
import { budgetFieldsToColumns, readBudgetFields } from '../common/budget-fields.js';
import { modelBudgetsColumn, stringListColumn, writeModelBudgets } from '../common/json-columns.js';
import type { ResolvedStoreOptions } from '../common/store-options.js';
import { checkModelBudgets } from '../common/validate-input.js';
import { readJson, writeJson } from '../db/column-values.js';
import type { UsersTable } from '../db/ledger-schema.js';
import { USER_ROLES, type UserFieldsInput, type UserRecord, type UserRole } from './user-record.js';

/** A stored user row as a record. */
export function rowToUserRecord(row: Selectable<UsersTable>): UserRecord {
  return {
    ...readBudgetFields(row),
    userId: row.user_id,
    userEmail: row.user_email,
    userAlias: row.user_alias,
    userRole: USER_ROLES.includes(row.user_role as UserRole) ? (row.user_role as UserRole) : 'internal_user',
    models: readJson(row.models, stringListColumn, 'users.models'),
    modelMaxBudget: readJson(row.model_max_budget, modelBudgetsColumn, 'users.model_max_budget'),
  };
}

/** Checks user input and converts the fields that are present to column values. */
export function userFieldsToColumns(input: UserFieldsInput, options: ResolvedStoreOptions): Updateable<UsersTable> {
  if (input.userRole !== undefined && !USER_ROLES.includes(input.userRole)) {
    throw new BadRequestError(`user_role must be one of ${USER_ROLES.join(', ')}`, { param: 'user_role' });
  }
  checkModelBudgets(input.modelMaxBudget, 'model_max_budget');
  const columns: Updateable<UsersTable> = { ...budgetFieldsToColumns(input, options) };
  if (input.userEmail !== undefined) columns.user_email = input.userEmail;
  if (input.userAlias !== undefined) columns.user_alias = input.userAlias;
  if (input.userRole !== undefined) columns.user_role = input.userRole;
  if (input.models !== undefined) columns.models = writeJson(input.models);
  if (input.modelMaxBudget !== undefined) columns.model_max_budget = writeModelBudgets(input.modelMaxBudget);
  return columns;
}
