import { BadRequestError, NotFoundError, PermissionDeniedError } from '@tollgate/core';
import type { IssuedKey, UserRecord } from '@tollgate/ledger';
import type { z } from 'zod';
import { toLiteLLMTeamInfo, toLiteLLMTeamMembership } from './litellm/to-litellm-team-info.js';
import { toLiteLLMUserInfo } from './litellm/to-litellm-user-info.js';
import type { ManagementContext } from '../server/proxy-context.js';
import { applyUserUpdate } from './apply-user-update.js';
import { bulkUpdateUsers } from './bulk-update-users.js';
import { checkModelNames } from './check-model-names.js';
import { keyRecordResponse } from './key-responses.js';
import { ownedKeys } from './owned-keys.js';
import { logManagementChange } from './log-management-change.js';
import { requireProxyAdmin, requireReadAll } from './management-permissions.js';
import { managementRoute, type ManagementCall, type ManagementRoute } from './management-route.js';
import { parseManagementInput } from './parse-management-input.js';
import { userResponses } from './schemas/user-response-schemas.js';
import { deleteUsersBody, listUsersQuery, newUserBody, toUserFieldsInput, updateUserBody, userInfoQuery } from './schemas/user-schemas.js';

type Reply<Route extends keyof typeof userResponses> = z.output<(typeof userResponses)[Route]>;

/**
 * `POST /user/new` (proxy admins): creates the user, joins the named teams, and by default (`auto_create_key`)
 * issues a key for them, returned once.
 */
async function newUser(context: ManagementContext, { request, caller }: ManagementCall): Promise<Reply<'new'>> {
  requireProxyAdmin(caller, 'create users');
  const body = parseManagementInput(newUserBody, request.body);
  checkModelNames(context, body.models, { param: 'models' });
  const teams = [...(body.teams ?? [])];
  if (body.team_id !== undefined && !teams.some((team) => team.teamId === body.team_id)) {
    teams.push({ teamId: body.team_id, role: 'user', maxBudgetInTeamNano: undefined });
  }
  // Check every team first, so a typo does not leave a half-made user behind.
  const twice = teams.find((team, index) => teams.findIndex((other) => other.teamId === team.teamId) !== index);
  if (twice !== undefined) throw new BadRequestError(`Team ${twice.teamId} is listed twice`, { param: 'teams' });
  for (const team of teams) await context.ledger.teams.getOrThrow(team.teamId);
  const user = await context.ledger.users.create({ ...toUserFieldsInput(body), userId: body.user_id });
  for (const team of teams) {
    await context.ledger.teamMembers.add({ teamId: team.teamId, userId: user.userId, role: team.role, maxBudgetInTeamNano: team.maxBudgetInTeamNano });
  }
  let issued: IssuedKey | undefined;
  if (body.auto_create_key !== false) {
    issued = await context.ledger.keys.create({
      userId: user.userId,
      teamId: body.team_id ?? null,
      duration: body.duration,
      keyAlias: body.key_alias,
      aliases: body.aliases,
      createdBy: caller.createdBy,
    });
  }
  // Existing keys may name this user id (keys can be made for a user before the user row exists).
  context.authDirectory.invalidateAllKeys();
  logManagementChange(context, caller, 'user_created', { user_id: user.userId, token: issued?.record.tokenHash });
  return {
    ...toLiteLLMUserInfo(user),
    teams: teams.map((team) => team.teamId),
    key: issued?.key ?? null,
    token: issued?.record.tokenHash ?? null,
    key_name: issued?.record.keyName ?? null,
    key_alias: issued?.record.keyAlias ?? null,
    expires: issued?.record.expires?.toISOString() ?? null,
  };
}

/** `GET /user/info`: the caller's own user when none is named; others' only for proxy admins and viewers. */
async function userInfo(context: ManagementContext, { request, caller }: ManagementCall): Promise<Reply<'info'>> {
  const query = parseManagementInput(userInfoQuery, request.query);
  const userId = query.user_id ?? caller.userId;
  if (userId === undefined) throw new BadRequestError("Missing required parameter: 'user_id' (this key has no user).", { param: 'user_id' });
  if (!caller.canReadAll && userId !== caller.userId) {
    throw new PermissionDeniedError('You may view only your own user; proxy admins and viewers may view any.', { code: '403', param: 'user_id' });
  }
  const [user, keys, memberships] = await Promise.all([
    context.ledger.users.get(userId),
    ownedKeys(context.ledger, { userId }),
    context.ledger.teamMembers.listByUser(userId),
  ]);
  // Keys can name a user that has no row yet (LiteLLM's /key/generate does not create one): show them anyway.
  if (user === undefined && keys.length === 0) throw new NotFoundError(`User ${userId} not found`, { param: 'user_id' });
  const teams = await Promise.all(memberships.map((membership) => context.ledger.teams.get(membership.teamId)));
  return {
    user_id: userId,
    user_info: user === undefined ? null : toLiteLLMUserInfo(user),
    keys: keys.map(keyRecordResponse),
    teams: teams.filter((team) => team !== undefined).map((team) => toLiteLLMTeamInfo(team)),
    team_memberships: memberships.map(toLiteLLMTeamMembership),
  };
}

/** `POST /user/update` (proxy admins): a user never changes their own role, budget or spend. */
async function updateUser(context: ManagementContext, { request, caller }: ManagementCall): Promise<Reply<'update'>> {
  requireProxyAdmin(caller, 'update users');
  const body = parseManagementInput(updateUserBody, request.body);
  const user = await applyUserUpdate(context, body);
  context.authDirectory.invalidateAllKeys();
  logManagementChange(context, caller, 'user_updated', { user_id: user.userId });
  return toLiteLLMUserInfo(user);
}

/** `POST /user/delete` (proxy admins): deletes the users, their memberships and their keys. */
async function deleteUsers(context: ManagementContext, { request, caller }: ManagementCall): Promise<Reply<'delete'>> {
  requireProxyAdmin(caller, 'delete users');
  const body = parseManagementInput(deleteUsersBody, request.body);
  const found = await Promise.all(body.user_ids.map((userId) => context.ledger.users.get(userId)));
  const missing = body.user_ids.filter((_, index) => found[index] === undefined);
  if (missing.length > 0) throw new NotFoundError(`User(s) not found: ${missing.join(', ')}`, { param: 'user_ids' });
  const keys = (await Promise.all(body.user_ids.map((userId) => ownedKeys(context.ledger, { userId })))).flat();
  const deletedKeys = await context.ledger.keys.delete({ keys: keys.map((key) => key.tokenHash) });
  const deletedUsers = await context.ledger.users.delete(body.user_ids);
  context.authDirectory.invalidateAllKeys();
  logManagementChange(context, caller, 'users_deleted', { user_ids: deletedUsers, tokens: deletedKeys });
  return { deleted_users: deletedUsers, deleted_keys: deletedKeys };
}

/** `GET /user/list` (proxy admins and viewers). */
async function listUsers(context: ManagementContext, { request, caller }: ManagementCall): Promise<Reply<'list'>> {
  requireReadAll(caller, 'list users');
  const query = parseManagementInput(listUsersQuery, request.query);
  const page = await context.ledger.users.list({
    role: query.role as UserRecord['userRole'] | undefined,
    userIds: query.user_ids,
    userEmail: query.user_email,
    teamId: query.team,
    page: query.page,
    pageSize: query.page_size,
    sortBy: query.sort_by,
    sortOrder: query.sort_order,
  });
  return {
    users: page.users.map((user) => ({ ...toLiteLLMUserInfo(user), key_count: user.keyCount })),
    total: page.total,
    page: page.page,
    page_size: page.pageSize,
    total_pages: page.totalPages,
  };
}

/** The `/user/*` routes. */
export function userRoutes(context: ManagementContext): ManagementRoute[] {
  return [
    managementRoute({ method: 'post', paths: ['/user/new'], access: 'write', response: userResponses.new, handle: (call) => newUser(context, call) }),
    managementRoute({ method: 'get', paths: ['/user/info'], access: 'read', response: userResponses.info, handle: (call) => userInfo(context, call) }),
    managementRoute({ method: 'post', paths: ['/user/update'], access: 'write', response: userResponses.update, handle: (call) => updateUser(context, call) }),
    managementRoute({ method: 'post', paths: ['/user/bulk_update'], access: 'write', response: userResponses.bulkUpdate, handle: (call) => bulkUpdateUsers(context, call) }),
    managementRoute({ method: 'post', paths: ['/user/delete'], access: 'write', response: userResponses.delete, handle: (call) => deleteUsers(context, call) }),
    managementRoute({ method: 'get', paths: ['/user/list'], access: 'read', response: userResponses.list, handle: (call) => listUsers(context, call) }),
  ];
}
