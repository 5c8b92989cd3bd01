import type { BudgetObjectFieldsInput } from '@tollgate/ledger';
import { z } from 'zod';
import { budgetAndLimitFields, entityId, entityIds, notSupported } from './common-fields.js';

/** Fields of a budget object that `/budget/new` and `/budget/update` accept (LiteLLM's `BudgetNewRequest`). */
const budgetFields = {
  ...budgetAndLimitFields,
  // Known LiteLLM fields without a Tollgate implementation: refused unless empty.
  model_max_budget: notSupported,
  budget_reset_at: notSupported,
};

/** `POST /budget/new`; without `budget_id` one is generated. */
export const newBudgetBody = z.strictObject({ budget_id: entityId.optional(), ...budgetFields });

/** `POST /budget/update`. */
export const updateBudgetBody = z.strictObject({ budget_id: entityId, ...budgetFields });

/** `POST /budget/info`. */
export const budgetInfoBody = z.strictObject({ budgets: entityIds });

/** `POST /budget/delete`. */
export const deleteBudgetBody = z.strictObject({ id: entityId });

/** `GET /budget/list` takes no parameters. */
export const listBudgetsQuery = z.strictObject({});

type BudgetFieldsBody = z.output<z.ZodObject<typeof budgetFields>>;

/** The store's input for the budget fields present in a body. */
export function toBudgetFieldsInput(body: BudgetFieldsBody): BudgetObjectFieldsInput {
  const input: BudgetObjectFieldsInput = {
    maxBudgetNano: body.max_budget,
    softBudgetNano: body.soft_budget,
    budgetDuration: body.budget_duration,
    tpmLimit: body.tpm_limit,
    rpmLimit: body.rpm_limit,
    maxParallelRequests: body.max_parallel_requests,
  };
  return Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined));
}
