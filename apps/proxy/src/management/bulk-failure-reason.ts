import { TollgateError } from '@tollgate/core';
import type { ManagementContext } from '../server/proxy-context.js';

/**
 * Why one entry of a bulk update failed, for its result: the message of a refused change (a client error), or a
 * generic reason for anything else, which is logged with `details` since the caller never sees it.
 */
export function bulkFailureReason(context: ManagementContext, error: unknown, details: Record<string, unknown>): string {
  if (error instanceof TollgateError && error.status < 500) return error.message;
  context.logger.error({ err: error, ...details }, 'bulk update entry failed');
  return 'internal error: this update was not applied';
}
