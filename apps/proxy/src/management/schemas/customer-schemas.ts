import type { CustomerFieldsInput } from '@tollgate/ledger';
import { z } from 'zod';
import { entityId, entityIds, metadata, notSupported, usdAmount, budgetAndLimitFields } from './common-fields.js';

/** Fields of a customer that `/customer/new` and `/customer/update` accept (LiteLLM's `NewCustomerRequest`). */
const customerFields = {
  user_id: entityId,
  alias: z.string().min(1).max(255).nullable().optional(),
  blocked: z.boolean().optional(),
  ...budgetAndLimitFields,
  allowed_model_region: z.enum(['eu', 'us']).nullable().optional(),
  default_model: z.string().min(1).nullable().optional(),
  metadata: metadata.optional(),
  spend: usdAmount.optional(),
  /** A budget object (`/budget/new`) whose limits apply where the customer's own are unset; null unlinks. */
  budget_id: entityId.nullable().optional(),
  // Known LiteLLM fields without a Tollgate implementation: refused unless empty.
  budget_reset_at: notSupported,
  model_max_budget: notSupported,
  object_permission: notSupported,
};

/** `POST /customer/new`. */
export const newCustomerBody = z.strictObject(customerFields);

/** `POST /customer/update`. */
export const updateCustomerBody = z.strictObject(customerFields);

/** `POST /customer/delete`, `/customer/block`, `/customer/unblock`. */
export const customerIdsBody = z.strictObject({ user_ids: entityIds });

/** `GET /customer/info`. */
export const customerInfoQuery = z.strictObject({ end_user_id: entityId });

/** `GET /customer/list` takes no parameters. */
export const listCustomersQuery = z.strictObject({});

type CustomerFieldsBody = z.output<z.ZodObject<typeof customerFields>>;

/** The store's input for the customer fields present in a body (all but `user_id`). */
export function toCustomerFieldsInput(body: CustomerFieldsBody): CustomerFieldsInput {
  const input: CustomerFieldsInput = {
    alias: body.alias,
    blocked: body.blocked,
    maxBudgetNano: body.max_budget,
    softBudgetNano: body.soft_budget,
    budgetDuration: body.budget_duration,
    allowedModelRegion: body.allowed_model_region,
    defaultModel: body.default_model,
    metadata: body.metadata,
    spendNano: body.spend,
    tpmLimit: body.tpm_limit,
    rpmLimit: body.rpm_limit,
    maxParallelRequests: body.max_parallel_requests,
    budgetId: body.budget_id,
  };
  return Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined));
}
