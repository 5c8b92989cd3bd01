import { z } from 'zod';

const nullableUsd = z.number().nullable();
const nullableCount = z.number().int().nullable();
const instant = z.iso.datetime();

/** A budget object as LiteLLM shows it (`LiteLLM_BudgetTable`). */
export const budgetInfoSchema = z.strictObject({
  budget_id: z.string(),
  max_budget: nullableUsd,
  soft_budget: nullableUsd,
  max_parallel_requests: nullableCount,
  tpm_limit: nullableCount,
  rpm_limit: nullableCount,
  /** Per-model budgets are not supported on budget objects: always null. */
  model_max_budget: z.null(),
  budget_duration: z.string().nullable(),
  budget_reset_at: instant.nullable(),
  created_at: instant,
  created_by: z.string().nullable(),
  updated_at: instant,
  updated_by: z.string().nullable(),
});

/** The JSON body each `/budget/*` route answers with. */
export const budgetResponses = {
  new: budgetInfoSchema,
  update: budgetInfoSchema,
  info: z.array(budgetInfoSchema),
  list: z.array(budgetInfoSchema),
  delete: budgetInfoSchema,
};
