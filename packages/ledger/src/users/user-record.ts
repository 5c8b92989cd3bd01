import type { BudgetFields, BudgetFieldsInput } from '../common/budget-fields.js';
import type { ModelBudget } from '../common/json-columns.js';

/** Roles of internal users (LiteLLM's `LitellmUserRoles` that `/user/new` accepts). */
export type UserRole = 'proxy_admin' | 'proxy_admin_viewer' | 'internal_user' | 'internal_user_viewer';

/** Every user role. */
export const USER_ROLES: readonly UserRole[] = ['proxy_admin', 'proxy_admin_viewer', 'internal_user', 'internal_user_viewer'];

/** An internal user (a person or service that owns keys). */
export interface UserRecord extends BudgetFields {
  userId: string;
  userEmail: string | null;
  userAlias: string | null;
  userRole: UserRole;
  /** Models the user may use; empty = all the proxy offers. */
  models: string[];
  /** Per-model budgets. */
  modelMaxBudget: Record<string, ModelBudget>;
}

/** Fields accepted by create and update; `undefined` leaves a field as it is, `null` clears it. */
export interface UserFieldsInput extends BudgetFieldsInput {
  userEmail?: string | null;
  userAlias?: string | null;
  userRole?: UserRole;
  models?: string[];
  modelMaxBudget?: Record<string, ModelBudget>;
}

/** Input of `UserStore.create`. */
export interface CreateUserInput extends UserFieldsInput {
  /** Generated (a UUID) when absent. */
  userId?: string;
}

/** A user with the number of keys they own (LiteLLM's `/user/list` rows). */
export interface UserWithKeyCount extends UserRecord {
  keyCount: number;
}
