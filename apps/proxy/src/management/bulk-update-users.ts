import { BadRequestError } from '@tollgate/core';
import { toLiteLLMUserInfo } from './litellm/to-litellm-user-info.js';
import type { z } from 'zod';
import type { ManagementContext } from '../server/proxy-context.js';
import { bulkFailureReason } from './bulk-failure-reason.js';
import { applyUserUpdate } from './apply-user-update.js';
import { listAllPages } from './list-all-pages.js';
import { logManagementChange } from './log-management-change.js';
import { requireProxyAdmin } from './management-permissions.js';
import type { ManagementCall } from './management-route.js';
import { userResponses, type UserUpdateResult } from './schemas/user-response-schemas.js';
import { parseManagementInput } from './parse-management-input.js';
import { bulkUpdateUsersBody, type updateUserBody } from './schemas/user-schemas.js';

/** The most users one bulk update touches, as in LiteLLM. */
const MAX_USERS = 500;

/**
 * `POST /user/bulk_update` (proxy admins): `users` applies each `/user/update` body on its own, in order; one that
 * fails (unknown user, a refused change) is reported and changes nothing, the others still apply. `all_users` with
 * `user_updates` applies the same fields to every user (at most 500). A body that does not validate changes nothing.
 */
export async function bulkUpdateUsers(context: ManagementContext, { request, caller }: ManagementCall): Promise<z.output<typeof userResponses.bulkUpdate>> {
  requireProxyAdmin(caller, 'update users in bulk');
  const body = parseManagementInput(bulkUpdateUsersBody, request.body);
  const updates = body.users ?? (await updatesForEveryUser(context, body.user_updates ?? {}));
  const results: UserUpdateResult[] = [];
  for (const update of updates) {
    try {
      const user = await applyUserUpdate(context, update);
      results.push({ user_id: user.userId, user_email: user.userEmail, success: true, updated_user: toLiteLLMUserInfo(user) });
    } catch (error) {
      const reason = bulkFailureReason(context, error, { user_id: update.user_id });
      results.push({ user_id: update.user_id ?? null, user_email: update.user_email ?? null, success: false, error: reason });
    }
  }
  const succeeded = results.filter((result) => result.success);
  if (succeeded.length > 0) context.authDirectory.invalidateAllKeys();
  logManagementChange(context, caller, 'users_bulk_updated', { user_ids: succeeded.map((result) => result.user_id) });
  return { results, total_requested: updates.length, successful_updates: succeeded.length, failed_updates: results.length - succeeded.length };
}

/** One update per stored user, each with the shared fields. */
async function updatesForEveryUser(
  context: ManagementContext,
  fields: Omit<z.infer<typeof updateUserBody>, 'user_id' | 'user_email'>,
): Promise<z.infer<typeof updateUserBody>[]> {
  const first = await context.ledger.users.list({ page: 1, pageSize: 100 });
  if (first.total === 0) throw new BadRequestError('No users found to update', { param: 'all_users' });
  if (first.total > MAX_USERS) {
    throw new BadRequestError(`Maximum ${MAX_USERS} users can be updated at once. Found ${first.total} users.`, { param: 'all_users' });
  }
  const users = await listAllPages(async (page) => {
    const result = page === 1 ? first : await context.ledger.users.list({ page, pageSize: 100 });
    return { rows: result.users, totalPages: result.totalPages };
  });
  return users.map((user) => ({ ...fields, user_id: user.userId }));
}
