import type { BudgetFields, BudgetFieldsInput } from '../common/budget-fields.js';
import type { BudgetLimit, ModelBudget } from '../common/json-columns.js';

/** A team: owns keys, has members, a budget and limits, and defaults for its members. */
export interface TeamRecord extends BudgetFields {
  teamId: string;
  teamAlias: string | null;
  /** Models the team may use; empty = all. */
  models: string[];
  modelRpmLimit: Record<string, number>;
  modelTpmLimit: Record<string, number>;
  modelMaxBudget: Record<string, ModelBudget>;
  /** Team-level model name aliases. */
  modelAliases: Record<string, string>;
  /** Extra budget windows. */
  budgetLimits: BudgetLimit[];
  /** Budget each new member gets in this team (nano-USD), unless given one. */
  teamMemberBudgetNano: bigint | null;
  teamMemberBudgetDuration: string | null;
  teamMemberRpmLimit: number | null;
  teamMemberTpmLimit: number | null;
  blocked: boolean;
}

/** Fields accepted by create and update; `undefined` leaves a field as it is, `null` clears it. */
export interface TeamFieldsInput extends BudgetFieldsInput {
  teamAlias?: string | null;
  models?: string[];
  modelRpmLimit?: Record<string, number>;
  modelTpmLimit?: Record<string, number>;
  modelMaxBudget?: Record<string, ModelBudget>;
  modelAliases?: Record<string, string>;
  budgetLimits?: BudgetLimit[];
  teamMemberBudgetNano?: bigint | null;
  teamMemberBudgetDuration?: string | null;
  teamMemberRpmLimit?: number | null;
  teamMemberTpmLimit?: number | null;
  blocked?: boolean;
}

/** Input of `TeamStore.create`. */
export interface CreateTeamInput extends TeamFieldsInput {
  /** Generated (a UUID) when absent. */
  teamId?: string;
}
