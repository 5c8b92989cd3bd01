/** A budget object (LiteLLM's `LiteLLM_BudgetTable` row): limits that customers linked by `budget_id` are held to. */
export interface BudgetRecord {
  budgetId: string;
  /** Hard cap on a linked customer's spend per window, nano-USD; null = none. */
  maxBudgetNano: bigint | null;
  softBudgetNano: bigint | null;
  /** Window of the budget (`30d`); null = all time. */
  budgetDuration: string | null;
  /** End of the window that started when the duration was set (LiteLLM's `budget_reset_at`). */
  budgetResetAt: Date | null;
  rpmLimit: number | null;
  tpmLimit: number | null;
  maxParallelRequests: number | null;
  createdBy: string | null;
  updatedBy: string | null;
  createdAt: Date;
  updatedAt: Date;
}

/** Fields accepted by create and update; `undefined` leaves a field as it is, `null` clears it. */
export interface BudgetObjectFieldsInput {
  maxBudgetNano?: bigint | null;
  softBudgetNano?: bigint | null;
  budgetDuration?: string | null;
  rpmLimit?: number | null;
  tpmLimit?: number | null;
  maxParallelRequests?: number | null;
  /** Who made the change (recorded as `created_by` / `updated_by`). */
  changedBy?: string | null;
}

/** Input of `BudgetStore.create`. */
export interface CreateBudgetInput extends BudgetObjectFieldsInput {
  budgetId: string;
}
