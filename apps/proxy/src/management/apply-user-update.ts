import { NotFoundError } from '@tollgate/core';
import type { Ledger, UserRecord } from '@tollgate/ledger';
import type { z } from 'zod';
import type { ManagementContext } from '../server/proxy-context.js';
import { checkModelNames } from './check-model-names.js';
import { toUserFieldsInput, type updateUserBody } from './schemas/user-schemas.js';

/** The user a `/user/update` body names: by `user_id`, else by `user_email`. */
async function findUserToUpdate(ledger: Ledger, body: { user_id?: string; user_email?: string | null }): Promise<UserRecord> {
  if (body.user_id !== undefined) return ledger.users.getOrThrow(body.user_id);
  const email = body.user_email ?? '';
  const user = await ledger.users.getByEmail(email);
  if (user === undefined) throw new NotFoundError(`User with email ${email} not found`, { param: 'user_email' });
  return user;
}

/**
 * Applies one validated `/user/update` body and returns the user as stored. The caller invalidates cached keys
 * (once, for a batch). Throws the typed error of a refused change; nothing is written then.
 */
export async function applyUserUpdate(context: ManagementContext, body: z.infer<typeof updateUserBody>): Promise<UserRecord> {
  checkModelNames(context, body.models, { param: 'models' });
  const existing = await findUserToUpdate(context.ledger, body);
  // Named by email: the email identifies the user rather than changing it.
  const fields = toUserFieldsInput(body.user_id === undefined ? { ...body, user_email: undefined } : body);
  return context.ledger.users.update(existing.userId, fields);
}
