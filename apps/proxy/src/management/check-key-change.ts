import type { KeyRecord } from '@tollgate/ledger';
import type { ManagementContext } from '../server/proxy-context.js';
import { checkModelNames } from './check-model-names.js';
import type { ManagementCaller } from './management-caller.js';
import { assertMayAssignKey, assertMayBlockKey, assertMayManageKey, requireProxyAdmin } from './management-permissions.js';

/** Fields of a key change that need more than "may manage this key". */
interface KeyChange {
  user_id?: string | null;
  team_id?: string | null;
  spend?: bigint;
  blocked?: boolean;
  models?: string[];
  aliases?: Record<string, string>;
}

/**
 * Checks an update or regeneration of an existing key: the caller may manage it; only proxy admins set `spend`;
 * only those who may block it change `blocked`; a new owner or team must be one the caller may assign.
 */
export async function checkKeyChange(context: ManagementContext, caller: ManagementCaller, existing: KeyRecord, change: KeyChange): Promise<void> {
  await assertMayManageKey(caller, existing);
  if (change.spend !== undefined) requireProxyAdmin(caller, "set a key's spend");
  if (change.blocked !== undefined && change.blocked !== existing.blocked) await assertMayBlockKey(caller, existing);
  if (change.user_id !== undefined || change.team_id !== undefined) {
    const target = {
      userId: change.user_id !== undefined ? change.user_id : existing.userId,
      teamId: change.team_id !== undefined ? change.team_id : existing.teamId,
    };
    if (change.team_id !== undefined && target.teamId !== null) await context.ledger.teams.getOrThrow(target.teamId);
    await assertMayAssignKey(caller, target, context.ledger);
  }
  checkModelNames(context, change.models, { param: 'models', aliases: change.aliases ?? existing.aliases });
}
