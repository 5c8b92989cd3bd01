import type { Selectable, Updateable } from 'kysely';
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
import { checkBudgetLimits, checkDuration, checkLimit, checkLimitMap, checkModelBudgets, checkNano } from '../common/validate-input.js';
import { readBoolean, readJson, readNullableBigInt, readNullableInt, writeBoolean, writeJson } from '../db/column-values.js';
import type { TeamsTable } from '../db/ledger-schema.js';
import type { TeamFieldsInput, TeamRecord } from './team-record.js';

/** A stored team row as a record. */
export function rowToTeamRecord(row: Selectable<TeamsTable>): TeamRecord {
  return {
    ...readBudgetFields(row),
    teamId: row.team_id,
    teamAlias: row.team_alias,
    models: readJson(row.models, stringListColumn, 'teams.models'),
    modelRpmLimit: readJson(row.model_rpm_limit, numberMapColumn, 'teams.model_rpm_limit'),
    modelTpmLimit: readJson(row.model_tpm_limit, numberMapColumn, 'teams.model_tpm_limit'),
    modelMaxBudget: readJson(row.model_max_budget, modelBudgetsColumn, 'teams.model_max_budget'),
    modelAliases: readJson(row.model_aliases, stringMapColumn, 'teams.model_aliases'),
    budgetLimits: readJson(row.budget_limits, budgetLimitsColumn, 'teams.budget_limits'),
    teamMemberBudgetNano: readNullableBigInt(row.team_member_budget_nano),
    teamMemberBudgetDuration: row.team_member_budget_duration,
    teamMemberRpmLimit: readNullableInt(row.team_member_rpm_limit),
    teamMemberTpmLimit: readNullableInt(row.team_member_tpm_limit),
    blocked: readBoolean(row.blocked),
  };
}

/** Checks team input and converts the fields that are present to column values. */
export function teamFieldsToColumns(input: TeamFieldsInput, options: ResolvedStoreOptions): Updateable<TeamsTable> {
  checkLimitMap(input.modelRpmLimit, 'model_rpm_limit');
  checkLimitMap(input.modelTpmLimit, 'model_tpm_limit');
  checkModelBudgets(input.modelMaxBudget, 'model_max_budget');
  checkBudgetLimits(input.budgetLimits, 'budget_limits');
  checkNano(input.teamMemberBudgetNano, 'team_member_budget');
  checkDuration(input.teamMemberBudgetDuration, 'team_member_budget_duration');
  checkLimit(input.teamMemberRpmLimit, 'team_member_rpm_limit');
  checkLimit(input.teamMemberTpmLimit, 'team_member_tpm_limit');
  const columns: Updateable<TeamsTable> = { ...budgetFieldsToColumns(input, options) };
  if (input.teamAlias !== undefined) columns.team_alias = input.teamAlias;
  if (input.models !== undefined) columns.models = writeJson(input.models);
  if (input.modelRpmLimit !== undefined) columns.model_rpm_limit = writeJson(input.modelRpmLimit);
  if (input.modelTpmLimit !== undefined) columns.model_tpm_limit = writeJson(input.modelTpmLimit);
  if (input.modelMaxBudget !== undefined) columns.model_max_budget = writeModelBudgets(input.modelMaxBudget);
  if (input.modelAliases !== undefined) columns.model_aliases = writeJson(input.modelAliases);
  if (input.budgetLimits !== undefined) columns.budget_limits = writeBudgetLimits(input.budgetLimits);
  if (input.teamMemberBudgetNano !== undefined) columns.team_member_budget_nano = input.teamMemberBudgetNano;
  if (input.teamMemberBudgetDuration !== undefined) columns.team_member_budget_duration = input.teamMemberBudgetDuration;
  if (input.teamMemberRpmLimit !== undefined) columns.team_member_rpm_limit = input.teamMemberRpmLimit;
  if (input.teamMemberTpmLimit !== undefined) columns.team_member_tpm_limit = input.teamMemberTpmLimit;
  if (input.blocked !== undefined) columns.blocked = writeBoolean(input.blocked);
  return columns;
}
