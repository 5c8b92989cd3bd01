import { BadRequestError } from '@tollgate/core';
import type { Selectable, Updateable } from 'kysely';
import { addDuration } from '../budget-window/add-duration.js';
import { budgetFieldsToColumns, readBudgetFields } from '../common/budget-fields.js';
import {
  budgetLimitsColumn,
  modelBudgetsColumn,
  numberMapColumn,
  stringListColumn,
  stringMapColumn,
  writeBudgetLimits,
  writeModelBudgets,
} from '../common/json-columns.js';
import type { ResolvedStoreOptions } from '../common/store-options.js';
import { checkBudgetLimits, checkDuration, checkLimitMap, checkModelBudgets } from '../common/validate-input.js';
import { readBoolean, readJson, readNullableDate, writeBoolean, writeJson } from '../db/column-values.js';
import type { KeysTable } from '../db/ledger-schema.js';
import { KEY_TYPES, type KeyFieldsInput, type KeyRecord, type KeyType } from './key-record.js';

/** A stored key row as a record. */
export function rowToKeyRecord(row: Selectable<KeysTable>): KeyRecord {
  return {
    ...readBudgetFields(row),
    tokenHash: row.token_hash,
    keyId: row.key_id,
    previousTokenHash: row.previous_token_hash,
    previousTokenRevokeAt: readNullableDate(row.previous_token_revoke_at),
    keyName: row.key_name,
    keyAlias: row.key_alias,
    userId: row.user_id,
    teamId: row.team_id,
    models: readJson(row.models, stringListColumn, 'keys.models'),
    aliases: readJson(row.aliases, stringMapColumn, 'keys.aliases'),
    modelMaxBudget: readJson(row.model_max_budget, modelBudgetsColumn, 'keys.model_max_budget'),
    budgetLimits: readJson(row.budget_limits, budgetLimitsColumn, 'keys.budget_limits'),
    modelRpmLimit: readJson(row.model_rpm_limit, numberMapColumn, 'keys.model_rpm_limit'),
    modelTpmLimit: readJson(row.model_tpm_limit, numberMapColumn, 'keys.model_tpm_limit'),
    keyType: KEY_TYPES.includes(row.key_type as KeyType) ? (row.key_type as KeyType) : 'default',
    allowedRoutes: readJson(row.allowed_routes, stringListColumn, 'keys.allowed_routes'),
    blocked: readBoolean(row.blocked),
    expires: readNullableDate(row.expires),
    createdBy: row.created_by,
  };
}

/** Checks key input and converts the fields that are present to column values. */
export function keyFieldsToColumns(input: KeyFieldsInput, options: ResolvedStoreOptions): Updateable<KeysTable> {
  checkLimitMap(input.modelRpmLimit, 'model_rpm_limit');
  checkLimitMap(input.modelTpmLimit, 'model_tpm_limit');
  checkModelBudgets(input.modelMaxBudget, 'model_max_budget');
  checkBudgetLimits(input.budgetLimits, 'budget_limits');
  if (input.keyType !== undefined && !KEY_TYPES.includes(input.keyType)) {
    throw new BadRequestError(`key_type must be one of ${KEY_TYPES.join(', ')}`, { param: 'key_type' });
  }
  if (input.keyAlias === '') throw new BadRequestError('key_alias must not be empty', { param: 'key_alias' });
  const columns: Updateable<KeysTable> = { ...budgetFieldsToColumns(input, options) };
  if (input.keyAlias !== undefined) columns.key_alias = input.keyAlias;
  if (input.userId !== undefined) columns.user_id = input.userId;
  if (input.teamId !== undefined) columns.team_id = input.teamId;
  if (input.models !== undefined) columns.models = writeJson(input.models);
  if (input.aliases !== undefined) columns.aliases = writeJson(input.aliases);
  if (input.modelMaxBudget !== undefined) columns.model_max_budget = writeModelBudgets(input.modelMaxBudget);
  if (input.budgetLimits !== undefined) columns.budget_limits = writeBudgetLimits(input.budgetLimits);
  if (input.modelRpmLimit !== undefined) columns.model_rpm_limit = writeJson(input.modelRpmLimit);
  if (input.modelTpmLimit !== undefined) columns.model_tpm_limit = writeJson(input.modelTpmLimit);
  if (input.keyType !== undefined) columns.key_type = input.keyType;
  if (input.allowedRoutes !== undefined) columns.allowed_routes = writeJson(input.allowedRoutes);
  if (input.blocked !== undefined) columns.blocked = writeBoolean(input.blocked);
  if (input.expires !== undefined) columns.expires = input.expires === null ? null : input.expires.getTime();
  if (input.duration !== undefined) columns.expires = expiryFor(input.duration, options);
  return columns;
}

/** A key's `duration` as an expiry: now + duration exactly (not calendar-aligned); null or `-1` never expires. */
function expiryFor(duration: string | null, options: ResolvedStoreOptions): number | null {
  if (duration === null || duration === '-1') return null;
  checkDuration(duration, 'duration');
  return addDuration({ from: options.clock(), duration }).getTime();
}
