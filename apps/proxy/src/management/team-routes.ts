import { BadRequestError, NotFoundError, PermissionDeniedError } from '@tollgate/core';
import { readModelSpend, type Ledger, type TeamMemberRecord, type TeamRecord, type UserRecord } from '@tollgate/ledger';
import { toLiteLLMTeamInfo, toLiteLLMTeamMembership } from './litellm/to-litellm-team-info.js';
import { toLiteLLMUserInfo } from './litellm/to-litellm-user-info.js';
import type { z } from 'zod';
import type { ManagementContext } from '../server/proxy-context.js';
import { teamResponses } from './schemas/team-response-schemas.js';
import type { KeyRecordReply } from './schemas/key-response-schemas.js';
import { checkModelNames } from './check-model-names.js';
import { forgetKey, keyRecordResponse } from './key-responses.js';
import { listAllPages } from './list-all-pages.js';
import { logManagementChange } from './log-management-change.js';
import type { ManagementCaller } from './management-caller.js';
import { requireProxyAdmin } from './management-permissions.js';
import { managementRoute, type ManagementCall, type ManagementRoute } from './management-route.js';
import { ownedKeys } from './owned-keys.js';
import { parseManagementInput } from './parse-management-input.js';
import {
  addMembersBody,
  blockTeamBody,
  deleteMemberBody,
  deleteTeamsBody,
  listTeamsQuery,
  type memberSchema,
  newTeamBody,
  teamInfoQuery,
  toTeamFieldsInput,
  updateMemberBody,
  updateTeamBody,
} from './schemas/team-schemas.js';

type Member = z.output<typeof memberSchema>;
type TeamInfo = ReturnType<typeof toLiteLLMTeamInfo>;
type TeamMembership = ReturnType<typeof toLiteLLMTeamMembership>;
type Reply<Route extends keyof typeof teamResponses> = z.output<(typeof teamResponses)[Route]>;

/** A team with its members, keys and per-model spend, as `/team/info` and `/team/list` show it. */
async function describeTeam(ledger: Ledger, team: TeamRecord): Promise<{ info: TeamInfo; keys: KeyRecordReply[]; memberships: TeamMembership[] }> {
  const [members, modelSpend, keys] = await Promise.all([
    ledger.teamMembers.listByTeam(team.teamId),
    readModelSpend(ledger.db, { entityType: 'team', entityId: team.teamId }),
    ownedKeys(ledger, { teamId: team.teamId }),
  ]);
  return { info: toLiteLLMTeamInfo(team, { members, modelSpend }), keys: keys.map(keyRecordResponse), memberships: members.map(toLiteLLMTeamMembership) };
}

/** The team row with its members, as write routes answer. */
async function teamRow(ledger: Ledger, team: TeamRecord): Promise<TeamInfo> {
  return toLiteLLMTeamInfo(team, { members: await ledger.teamMembers.listByTeam(team.teamId) });
}

/** 403 unless the caller is a proxy admin or an admin of the team. */
async function requireTeamAdmin(caller: ManagementCaller, teamId: string, action: string): Promise<void> {
  if (caller.isProxyAdmin || (await caller.isTeamAdmin(teamId))) return;
  throw new PermissionDeniedError(`Only proxy admins and admins of team ${teamId} may ${action}.`, { code: '403', param: 'team_id' });
}

/** The user a member entry names, created when unknown (LiteLLM's `/team/member_add` does the same). */
async function resolveMember(ledger: Ledger, member: { user_id?: string; user_email?: string }): Promise<UserRecord> {
  if (member.user_id !== undefined) {
    return (await ledger.users.get(member.user_id)) ?? ledger.users.create({ userId: member.user_id, userEmail: member.user_email });
  }
  const email = member.user_email ?? '';
  return (await ledger.users.getByEmail(email)) ?? ledger.users.create({ userEmail: email });
}

/** The id of an existing user named by id or email (member delete/update never create users). */
async function existingUserId(ledger: Ledger, named: { user_id?: string; user_email?: string }): Promise<string> {
  if (named.user_id !== undefined) return named.user_id;
  const user = await ledger.users.getByEmail(named.user_email ?? '');
  if (user === undefined) throw new NotFoundError(`User with email ${named.user_email ?? ''} not found`, { param: 'user_email' });
  return user.userId;
}

/** The users a member list names (created when unknown), refusing a user named twice. */
async function resolveMembers(ledger: Ledger, members: readonly Member[]): Promise<UserRecord[]> {
  const users: UserRecord[] = [];
  for (const member of members) {
    const user = await resolveMember(ledger, member);
    if (users.some((other) => other.userId === user.userId)) {
      throw new BadRequestError(`User ${user.userId} is listed twice`, { param: 'member' });
    }
    users.push(user);
  }
  return users;
}

/** Adds resolved members after checking none is in the team already, so a duplicate leaves the team unchanged. */
async function addMembers(
  ledger: Ledger,
  options: { teamId: string; members: readonly Member[]; users: readonly UserRecord[]; maxBudgetInTeamNano?: bigint | null },
): Promise<TeamMemberRecord[]> {
  for (const user of options.users) {
    if ((await ledger.teamMembers.get(options.teamId, user.userId)) !== undefined) {
      throw new BadRequestError(`User ${user.userId} is already a member of team ${options.teamId}`, { param: 'member' });
    }
  }
  const memberships: TeamMemberRecord[] = [];
  for (const [index, user] of options.users.entries()) {
    const role = options.members[index]?.role ?? 'user';
    memberships.push(await ledger.teamMembers.add({ teamId: options.teamId, userId: user.userId, role, maxBudgetInTeamNano: options.maxBudgetInTeamNano ?? undefined }));
  }
  return memberships;
}

/** `POST /team/new` (proxy admins). A proxy-admin user creating a team becomes its admin, as in LiteLLM. */
async function newTeam(context: ManagementContext, { request, caller }: ManagementCall): Promise<Reply<'new'>> {
  requireProxyAdmin(caller, 'create teams');
  const body = parseManagementInput(newTeamBody, request.body);
  checkModelNames(context, body.models, { param: 'models', aliases: body.model_aliases });
  const members = [...(body.members_with_roles ?? [])];
  if (caller.userId !== undefined && !members.some((member) => member.user_id === caller.userId)) {
    members.push({ role: 'admin', user_id: caller.userId });
  }
  // Members are resolved before the team exists, so a bad member list leaves no half-made team.
  const users = await resolveMembers(context.ledger, members);
  const team = await context.ledger.teams.create({ ...toTeamFieldsInput(body), teamId: body.team_id });
  await addMembers(context.ledger, { teamId: team.teamId, members, users });
  context.authDirectory.invalidateAllKeys();
  logManagementChange(context, caller, 'team_created', { team_id: team.teamId });
  return teamRow(context.ledger, team);
}

/** `POST /team/update` (proxy admins): LiteLLM's `{team_id, data}`. */
async function updateTeam(context: ManagementContext, { request, caller }: ManagementCall): Promise<Reply<'update'>> {
  requireProxyAdmin(caller, 'update teams');
  const body = parseManagementInput(updateTeamBody, request.body);
  const existing = await context.ledger.teams.getOrThrow(body.team_id);
  checkModelNames(context, body.models, { param: 'models', aliases: body.model_aliases ?? existing.modelAliases });
  const team = await context.ledger.teams.update(body.team_id, toTeamFieldsInput(body));
  context.authDirectory.invalidateAllKeys();
  logManagementChange(context, caller, 'team_updated', { team_id: team.teamId });
  return { team_id: team.teamId, data: await teamRow(context.ledger, team) };
}

/** Whether the caller may see a team: readers of everything, its members, and keys of the team itself. */
async function canViewTeam(caller: ManagementCaller, teamId: string): Promise<boolean> {
  if (caller.canReadAll || (await caller.isTeamMember(teamId))) return true;
  return caller.auth.kind === 'virtual' && caller.auth.key.teamId === teamId;
}

/** `GET /team/info`. */
async function teamInfo(context: ManagementContext, { request, caller }: ManagementCall): Promise<Reply<'info'>> {
  const query = parseManagementInput(teamInfoQuery, request.query);
  if (!(await canViewTeam(caller, query.team_id))) {
    throw new PermissionDeniedError(`You are not a member of team ${query.team_id}.`, { code: '403', param: 'team_id' });
  }
  const team = await context.ledger.teams.getOrThrow(query.team_id);
  const described = await describeTeam(context.ledger, team);
  return { team_id: team.teamId, team_info: described.info, keys: described.keys, team_memberships: described.memberships };
}

/** `GET /team/list`: every team for proxy admins and viewers, else the caller's teams. */
async function listTeams(context: ManagementContext, { request, caller }: ManagementCall): Promise<Reply<'list'>> {
  const query = parseManagementInput(listTeamsQuery, request.query);
  let userId = query.user_id;
  let teamIds: string[] | undefined;
  if (!caller.canReadAll) {
    if (userId !== undefined && userId !== caller.userId) {
      throw new PermissionDeniedError("Only proxy admins and viewers may list another user's teams.", { code: '403', param: 'user_id' });
    }
    userId = caller.userId;
    if (userId === undefined) teamIds = caller.auth.kind === 'virtual' && caller.auth.key.teamId !== null ? [caller.auth.key.teamId] : [];
  }
  let teams: TeamRecord[];
  if (teamIds !== undefined) {
    teams = (await Promise.all(teamIds.map((teamId) => context.ledger.teams.get(teamId)))).filter((team) => team !== undefined);
  } else {
    teams = await listAllPages(async (page) => {
      const result = await context.ledger.teams.list({ userId, teamAlias: query.team_alias, page, pageSize: 100 });
      return { rows: result.teams, totalPages: result.totalPages };
    });
  }
  return Promise.all(
    teams.map(async (team) => {
      const described = await describeTeam(context.ledger, team);
      return { ...described.info, keys: described.keys, team_memberships: described.memberships };
    }),
  );
}

/** `POST /team/delete` (proxy admins): the teams, their memberships and their keys. */
async function deleteTeams(context: ManagementContext, { request, caller }: ManagementCall): Promise<Reply<'delete'>> {
  requireProxyAdmin(caller, 'delete teams');
  const body = parseManagementInput(deleteTeamsBody, request.body);
  for (const teamId of body.team_ids) await context.ledger.teams.getOrThrow(teamId);
  const keys = (await Promise.all(body.team_ids.map((teamId) => ownedKeys(context.ledger, { teamId })))).flat();
  const deletedKeys = await context.ledger.keys.delete({ keys: keys.map((key) => key.tokenHash) });
  const deletedTeams = await context.ledger.teams.delete(body.team_ids);
  context.authDirectory.invalidateAllKeys();
  logManagementChange(context, caller, 'teams_deleted', { team_ids: deletedTeams, tokens: deletedKeys });
  return { deleted_teams: deletedTeams, deleted_keys: deletedKeys };
}

/** `POST /team/member_add` (proxy admins and team admins). */
async function addTeamMembers(context: ManagementContext, { request, caller }: ManagementCall): Promise<Reply<'memberAdd'>> {
  const body = parseManagementInput(addMembersBody, request.body);
  await requireTeamAdmin(caller, body.team_id, 'add team members');
  const team = await context.ledger.teams.getOrThrow(body.team_id);
  const members = Array.isArray(body.member) ? body.member : [body.member];
  const users = await resolveMembers(context.ledger, members);
  const memberships = await addMembers(context.ledger, { teamId: team.teamId, members, users, maxBudgetInTeamNano: body.max_budget_in_team });
  context.authDirectory.invalidateAllKeys();
  logManagementChange(context, caller, 'team_members_added', { team_id: team.teamId, user_ids: users.map((user) => user.userId) });
  return {
    ...(await teamRow(context.ledger, team)),
    updated_users: users.map(toLiteLLMUserInfo),
    updated_team_memberships: memberships.map(toLiteLLMTeamMembership),
  };
}

/**
 * `POST /team/member_delete` (proxy admins and team admins). The member's keys in this team are deleted too: a
 * person who left a team must not keep spending its budget.
 */
async function deleteTeamMember(context: ManagementContext, { request, caller }: ManagementCall): Promise<Reply<'memberDelete'>> {
  const body = parseManagementInput(deleteMemberBody, request.body);
  await requireTeamAdmin(caller, body.team_id, 'remove team members');
  const team = await context.ledger.teams.getOrThrow(body.team_id);
  const userId = await existingUserId(context.ledger, body);
  if (!(await context.ledger.teamMembers.remove(team.teamId, userId))) {
    throw new BadRequestError(`User ${userId} is not a member of team ${team.teamId}`, { param: body.user_id !== undefined ? 'user_id' : 'user_email' });
  }
  const keys = await ownedKeys(context.ledger, { userId, teamId: team.teamId });
  const deletedKeys = await context.ledger.keys.delete({ keys: keys.map((key) => key.tokenHash) });
  for (const key of keys) forgetKey(context, key);
  context.authDirectory.invalidateAllKeys();
  logManagementChange(context, caller, 'team_member_removed', { team_id: team.teamId, user_id: userId, tokens: deletedKeys });
  return { ...(await teamRow(context.ledger, team)), deleted_keys: deletedKeys };
}

/** `POST /team/member_update` (proxy admins and team admins): role, budget in team, limits. */
async function updateTeamMember(context: ManagementContext, { request, caller }: ManagementCall): Promise<Reply<'memberUpdate'>> {
  const body = parseManagementInput(updateMemberBody, request.body);
  await requireTeamAdmin(caller, body.team_id, 'update team members');
  const team = await context.ledger.teams.getOrThrow(body.team_id);
  const userId = await existingUserId(context.ledger, body);
  const member = await context.ledger.teamMembers.update(team.teamId, userId, {
    role: body.role,
    maxBudgetInTeamNano: body.max_budget_in_team,
    tpmLimit: body.tpm_limit,
    rpmLimit: body.rpm_limit,
  });
  context.authDirectory.invalidateAllKeys();
  logManagementChange(context, caller, 'team_member_updated', { team_id: team.teamId, user_id: userId });
  const membership = toLiteLLMTeamMembership(member);
  return {
    team_id: member.teamId,
    user_id: member.userId,
    user_email: body.user_email ?? (await context.ledger.users.get(userId))?.userEmail ?? null,
    role: member.role,
    max_budget_in_team: membership.max_budget_in_team,
    tpm_limit: member.tpmLimit,
    rpm_limit: member.rpmLimit,
  };
}

/** `POST /team/block` and `/team/unblock` (proxy admins): a blocked team's keys are all refused. */
async function setTeamBlocked(context: ManagementContext, { request, caller }: ManagementCall, blocked: boolean): Promise<TeamInfo> {
  requireProxyAdmin(caller, blocked ? 'block teams' : 'unblock teams');
  const body = parseManagementInput(blockTeamBody, request.body);
  const team = await context.ledger.teams.setBlocked(body.team_id, blocked);
  context.authDirectory.invalidateAllKeys();
  logManagementChange(context, caller, blocked ? 'team_blocked' : 'team_unblocked', { team_id: team.teamId });
  return teamRow(context.ledger, team);
}

/** The `/team/*` routes. */
export function teamRoutes(context: ManagementContext): ManagementRoute[] {
  return [
    managementRoute({ method: 'post', paths: ['/team/new'], access: 'write', response: teamResponses.new, handle: (call) => newTeam(context, call) }),
    managementRoute({ method: 'post', paths: ['/team/update'], access: 'write', response: teamResponses.update, handle: (call) => updateTeam(context, call) }),
    managementRoute({ method: 'get', paths: ['/team/info'], access: 'read', response: teamResponses.info, handle: (call) => teamInfo(context, call) }),
    managementRoute({ method: 'get', paths: ['/team/list'], access: 'read', response: teamResponses.list, handle: (call) => listTeams(context, call) }),
    managementRoute({ method: 'post', paths: ['/team/delete'], access: 'write', response: teamResponses.delete, handle: (call) => deleteTeams(context, call) }),
    managementRoute({ method: 'post', paths: ['/team/member_add'], access: 'write', response: teamResponses.memberAdd, handle: (call) => addTeamMembers(context, call) }),
    managementRoute({ method: 'post', paths: ['/team/member_delete'], access: 'write', response: teamResponses.memberDelete, handle: (call) => deleteTeamMember(context, call) }),
    managementRoute({ method: 'post', paths: ['/team/member_update'], access: 'write', response: teamResponses.memberUpdate, handle: (call) => updateTeamMember(context, call) }),
    managementRoute({ method: 'post', paths: ['/team/block'], access: 'write', response: teamResponses.block, handle: (call) => setTeamBlocked(context, call, true) }),
    managementRoute({ method: 'post', paths: ['/team/unblock'], access: 'write', response: teamResponses.unblock, handle: (call) => setTeamBlocked(context, call, false) }),
  ];
}
