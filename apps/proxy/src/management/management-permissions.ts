import { PermissionDeniedError } from '@tollgate/core';
import type { KeyRecord, Ledger } from '@tollgate/ledger';
import type { ManagementCaller } from './management-caller.js';

/** Whether a route only reads (info, list, spend) or changes something. */
export type RouteAccess = 'read' | 'write';

/** What the access check needs to know about a route. */
export interface RouteAccessSpec {
  access: RouteAccess;
  /** The route's canonical path (`/key/generate`), matched against a key's `allowed_routes`. */
  path: string;
  /** LiteLLM route groups this route belongs to besides `management_routes` (`info_routes`, `spend_tracking_routes`). */
  groups: readonly string[];
}

function describeRole(caller: ManagementCaller): string {
  return caller.role ?? (caller.auth.kind === 'master' ? 'master key' : 'key without a user');
}

/**
 * The checks every management route runs first: `llm_api` keys may not call management routes at all,
 * `read_only` keys and viewer roles only read, and a key with `allowed_routes` only calls the routes listed there
 * (by path, or by LiteLLM group: `management_routes`, `info_routes`, `spend_tracking_routes`).
 */
export function assertManagementAccess(caller: ManagementCaller, route: RouteAccessSpec): void {
  const auth = caller.auth;
  if (auth.kind === 'master') return;
  const keyType = auth.key.keyType;
  if (keyType === 'llm_api') {
    throw new PermissionDeniedError(`This key is of type llm_api: it may call LLM API routes only, not ${route.path}.`, { code: '403' });
  }
  if (keyType === 'read_only' && route.access === 'write') {
    throw new PermissionDeniedError(`This key is of type read_only: it may call info and list routes only, not ${route.path}.`, { code: '403' });
  }
  const allowedRoutes = auth.key.allowedRoutes;
  if (allowedRoutes.length > 0) {
    const names = new Set([route.path, 'management_routes', ...route.groups]);
    if (!allowedRoutes.some((entry) => names.has(entry))) {
      throw new PermissionDeniedError(`This key's allowed_routes do not include ${route.path}.`, { code: '403' });
    }
  }
  if (route.access === 'write' && (caller.role === 'proxy_admin_viewer' || caller.role === 'internal_user_viewer')) {
    throw new PermissionDeniedError(`Your role (${caller.role}) may view, not change: ${route.path} is not allowed.`, { code: '403' });
  }
}

/** Refuses anyone but the master key and `proxy_admin` users. */
export function requireProxyAdmin(caller: ManagementCaller, action: string): void {
  if (!caller.isProxyAdmin) {
    throw new PermissionDeniedError(`Only proxy admins may ${action}. Your role: ${describeRole(caller)}.`, { code: '403' });
  }
}

/** Refuses anyone but proxy admins and `proxy_admin_viewer` users. */
export function requireReadAll(caller: ManagementCaller, action: string): void {
  if (!caller.canReadAll) {
    throw new PermissionDeniedError(`Only proxy admins and proxy admin viewers may ${action}. Your role: ${describeRole(caller)}.`, {
      code: '403',
    });
  }
}

/** Whether the caller may change a key: proxy admins, the key's owner, and admins of the key's team. */
export async function canManageKey(caller: ManagementCaller, key: KeyRecord): Promise<boolean> {
  if (caller.isProxyAdmin) return true;
  if (caller.userId !== undefined && key.userId === caller.userId) return true;
  return caller.isTeamAdmin(key.teamId);
}

/** Whether the caller may see a key: whoever may manage it, readers of everything, and the key itself. */
export async function canViewKey(caller: ManagementCaller, key: KeyRecord): Promise<boolean> {
  if (caller.canReadAll || key.tokenHash === caller.tokenHash) return true;
  return canManageKey(caller, key);
}

/** 403 unless the caller may see the key; `subject` and `param` name it as the request did. */
export async function assertMayViewKey(caller: ManagementCaller, key: KeyRecord, named: { subject: string; param: string }): Promise<void> {
  if (!(await canViewKey(caller, key))) {
    throw new PermissionDeniedError(`You may not view ${named.subject}: only its owner, an admin of its team, or a proxy admin may.`, {
      code: '403',
      param: named.param,
    });
  }
}

/** 403 unless the caller may change the key. */
export async function assertMayManageKey(caller: ManagementCaller, key: KeyRecord): Promise<void> {
  if (!(await canManageKey(caller, key))) {
    throw new PermissionDeniedError(
      `You may not change key ${key.keyName}: only its owner, an admin of its team, or a proxy admin may.`,
      { code: '403', param: 'key' },
    );
  }
}

/**
 * 403 unless the caller may block or unblock the key: proxy admins and admins of its team only, so that an owner
 * cannot lift a block an admin put on.
 */
export async function assertMayBlockKey(caller: ManagementCaller, key: KeyRecord): Promise<void> {
  if (caller.isProxyAdmin || (await caller.isTeamAdmin(key.teamId))) return;
  throw new PermissionDeniedError(`Only proxy admins and admins of the key's team may block or unblock key ${key.keyName}.`, {
    code: '403',
    param: 'key',
  });
}

/**
 * 403 unless the caller may own a key with this owner and team (on `/key/generate`, and on `/key/update` when they
 * change): proxy admins anything; an admin of the team a key for themself, a member of the team, or the team
 * itself (`user_id: null`); a member of the team, or any user without a team, a key for themself only.
 */
export async function assertMayAssignKey(
  caller: ManagementCaller,
  target: { userId: string | null; teamId: string | null },
  ledger: Ledger,
): Promise<void> {
  if (caller.isProxyAdmin) return;
  const { userId, teamId } = target;
  if (caller.userId === undefined) {
    throw new PermissionDeniedError('This key has no user, so it may not create or reassign keys. Use a key that belongs to a user.', { code: '403' });
  }
  if (teamId !== null) {
    if (await caller.isTeamAdmin(teamId)) {
      if (userId === null || userId === caller.userId || (await ledger.teamMembers.get(teamId, userId)) !== undefined) return;
      throw new PermissionDeniedError(`User ${userId} is not a member of team ${teamId}: a team admin may create keys only for the team's members.`, {
        code: '403',
        param: 'user_id',
      });
    }
    if (!(await caller.isTeamMember(teamId))) {
      throw new PermissionDeniedError(`You are not a member of team ${teamId}: you may create keys only in teams you belong to.`, {
        code: '403',
        param: 'team_id',
      });
    }
  }
  if (userId !== caller.userId) {
    throw new PermissionDeniedError(
      `You may create and manage keys only for yourself (user_id=${caller.userId}); a team admin or proxy admin may do it for others.`,
      { code: '403', param: 'user_id' },
    );
  }
}
