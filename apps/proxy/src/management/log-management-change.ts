import type { ManagementContext } from '../server/proxy-context.js';
import type { ManagementCaller } from './management-caller.js';

/**
 * One audit line per management change. Keys appear only as hashes (`token`); raw keys and the master key (not even
 * its hash) never reach a log line.
 */
export function logManagementChange(
  context: ManagementContext,
  caller: ManagementCaller,
  event: string,
  details: Record<string, unknown>,
): void {
  const changedByToken = caller.auth.kind === 'master' ? undefined : caller.tokenHash;
  context.logger.info({ event, changed_by: caller.createdBy, changed_by_token: changedByToken, ...details }, event);
}
