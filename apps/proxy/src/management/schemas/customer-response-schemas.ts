import { z } from 'zod';
import { customerInfoSchema } from './litellm-record-schemas.js';

/** The JSON body each `/customer/*` (and `/end_user/*`) route answers with. */
export const customerResponses = {
  new: customerInfoSchema,
  info: customerInfoSchema,
  update: customerInfoSchema,
  delete: z.strictObject({ deleted_customers: z.number().int(), message: z.string() }),
  list: z.array(customerInfoSchema),
  block: z.strictObject({ blocked_users: z.array(customerInfoSchema) }),
  unblock: z.strictObject({ unblocked_users: z.array(customerInfoSchema) }),
};
