import type { BudgetFields, BudgetFieldsInput } from '../common/budget-fields.js';

/** Data-residency region a customer's calls must stay in. */
export type ModelRegion = 'eu' | 'us';

/** A customer (LiteLLM's end user): the `user` a client sends, tracked and budgeted apart from internal users. */
export interface CustomerRecord extends BudgetFields {
  /** The end-user id as clients send it. */
  userId: string;
  alias: string | null;
  blocked: boolean;
  allowedModelRegion: ModelRegion | null;
  /** Model used when the request names none. */
  defaultModel: string | null;
  /** The budget object whose limits apply where the customer's own are unset (`budget_id`); null = none. */
  budgetId: string | null;
}

/** Fields accepted by create and update; `undefined` leaves a field as it is, `null` clears it. */
export interface CustomerFieldsInput extends BudgetFieldsInput {
  alias?: string | null;
  blocked?: boolean;
  allowedModelRegion?: ModelRegion | null;
  defaultModel?: string | null;
  /** Must name an existing budget object (400 otherwise). */
  budgetId?: string | null;
}

/** Input of `CustomerStore.create`. */
export interface CreateCustomerInput extends CustomerFieldsInput {
  userId: string;
}
