import { PermissionDeniedError } from '@tollgate/core';
import type { KeyRecord } from '@tollgate/ledger';
import type { ManagementContext } from '../server/proxy-context.js';
import { assertWithinCeiling, keyCeilingFor } from './check-key-ceiling.js';
import { checkModelNames } from './check-model-names.js';
import { assertOnlyTightens } from './key-limit-tightening.js';
import type { ManagementCaller } from './management-caller.js';
import { assertMayAssignKey, assertMayBlockKey, assertMayManageKey, requireProxyAdmin } from './management-permissions.js';
import type { KeyFieldsBody } from './schemas/key-schemas.js';

/** The key fields of an update or regeneration body. */
type KeyChange = Partial<KeyFieldsBody>;

/** 403 when an owner who is not a team admin moves their key to another user or team. */
function assertOwnerKeepsOwnership(existing: KeyRecord, change: KeyChange): void {
  const moves = [
    { field: 'user_id', from: existing.userId, to: change.user_id },
    { field: 'team_id', from: existing.teamId, to: change.team_id },
  ];
  for (const { field, from, to } of moves) {
    if (to === undefined || to === from) continue;
    throw new PermissionDeniedError(
      `You may not change ${field} of key ${existing.keyName}: moving a key to another user or team is for a proxy admin or an admin of the key's team.`,
      { code: '403', param: field },
    );
  }
}

/**
 * Checks an update or regeneration of an existing key (the matrix is in the management README): the caller may manage
 * it; only proxy admins set `spend`; only those who may block it change `blocked`; a team admin keeps the key within
 * the team's limits, and moves it only to users and teams they may assign; an owner who is neither only tightens its
 * limits and keeps its owner and team. Proxy admins may change anything.
 */
export async function checkKeyChange(context: ManagementContext, caller: ManagementCaller, existing: KeyRecord, change: KeyChange): Promise<void> {
  await assertMayManageKey(caller, existing);
  if (change.spend !== undefined) requireProxyAdmin(caller, "set a key's spend");
  if (change.blocked !== undefined && change.blocked !== existing.blocked) await assertMayBlockKey(caller, existing);
  const target = {
    userId: change.user_id !== undefined ? change.user_id : existing.userId,
    teamId: change.team_id !== undefined ? change.team_id : existing.teamId,
  };
  if (!caller.isProxyAdmin) {
    if (await caller.isTeamAdmin(existing.teamId)) {
      assertWithinCeiling(change, await keyCeilingFor(context.ledger, target));
    } else {
      assertOwnerKeepsOwnership(existing, change);
      assertOnlyTightens(existing, change, Date.now());
    }
  }
  if (change.user_id !== undefined || change.team_id !== undefined) {
    if (change.team_id !== undefined && target.teamId !== null) await context.ledger.teams.getOrThrow(target.teamId);
    await assertMayAssignKey(caller, target, context.ledger);
  }
  checkModelNames(context, change.models, { param: 'models', aliases: change.aliases ?? existing.aliases });
}
