import { BadRequestError, NotFoundError } from '@tollgate/core';
import { toKeyHash, type KeyRecord, type ListKeysOptions } from '@tollgate/ledger';
import type { z } from 'zod';
import type { ManagementContext } from '../server/proxy-context.js';
import { bulkUpdateKeys } from './bulk-update-keys.js';
import { assertWithinCeiling, keyCeilingFor } from './check-key-ceiling.js';
import { checkKeyChange } from './check-key-change.js';
import { checkModelNames } from './check-model-names.js';
import { forgetKey, issuedKeyResponse, keyInfoResponse, keyRecordResponse } from './key-responses.js';
import { logManagementChange } from './log-management-change.js';
import type { ManagementCaller } from './management-caller.js';
import {
  assertMayAssignKey,
  assertMayBlockKey,
  assertMayManageKey,
  assertMayViewKey,
  requireProxyAdmin,
} from './management-permissions.js';
import { managementRoute, type ManagementCall, type ManagementRoute } from './management-route.js';
import { parseManagementInput } from './parse-management-input.js';
import {
  blockKeyBody,
  deleteKeysBody,
  generateKeyBody,
  generateServiceAccountKeyBody,
  keyInfoQuery,
  keysInfoBody,
  listKeysQuery,
  regenerateKeyBody,
  toKeyFieldsInput,
  updateKeyBody,
} from './schemas/key-schemas.js';
import { keyResponses, type IssuedKeyReply, type KeyRecordReply } from './schemas/key-response-schemas.js';

type Reply<Route extends keyof typeof keyResponses> = z.output<(typeof keyResponses)[Route]>;

/** `POST /key/generate`: non-admins get keys for themselves, in teams they belong to. */
async function generateKey(context: ManagementContext, { request, caller }: ManagementCall): Promise<Reply<'generate'>> {
  const body = parseManagementInput(generateKeyBody, request.body);
  // Admins' keys belong to no user unless they name one; anyone else's belong to them unless they say otherwise.
  const userId = body.user_id !== undefined ? body.user_id : caller.isProxyAdmin ? null : (caller.userId ?? null);
  return issueKey(context, caller, body, { userId, teamId: body.team_id ?? null });
}

/** `POST /key/service-account/generate`: a team's key that belongs to no user (proxy admins and team admins). */
async function generateServiceAccountKey(context: ManagementContext, { request, caller }: ManagementCall): Promise<Reply<'serviceAccountGenerate'>> {
  const body = parseManagementInput(generateServiceAccountKeyBody, request.body);
  return issueKey(context, caller, body, { userId: null, teamId: body.team_id });
}

/** Creates a key for `owner` once the caller may assign it there. */
async function issueKey(
  context: ManagementContext,
  caller: ManagementCaller,
  body: z.infer<typeof generateKeyBody>,
  owner: { userId: string | null; teamId: string | null },
): Promise<IssuedKeyReply> {
  const { userId, teamId } = owner;
  if (teamId !== null) await context.ledger.teams.getOrThrow(teamId);
  await assertMayAssignKey(caller, owner, context.ledger);
  if (body.spend !== undefined) requireProxyAdmin(caller, "set a key's spend");
  if (!caller.isProxyAdmin) assertWithinCeiling(body, await keyCeilingFor(context.ledger, owner));
  checkModelNames(context, body.models, { param: 'models', aliases: body.aliases });
  const issued = await context.ledger.keys.create({
    ...toKeyFieldsInput(body),
    userId,
    teamId,
    key: body.key,
    createdBy: caller.createdBy,
  });
  // A caller-chosen key may have been tried before and be cached as unknown.
  forgetKey(context, issued.record);
  logManagementChange(context, caller, 'key_generated', { token: issued.record.tokenHash, user_id: userId, team_id: teamId });
  return issuedKeyResponse(issued);
}

/** `POST /key/update`. */
async function updateKey(context: ManagementContext, { request, caller }: ManagementCall): Promise<Reply<'update'>> {
  const body = parseManagementInput(updateKeyBody, request.body);
  const existing = await context.ledger.keys.getOrThrow(body.key);
  await checkKeyChange(context, caller, existing, body);
  const record = await context.ledger.keys.update(existing.tokenHash, toKeyFieldsInput(body));
  forgetKey(context, existing);
  logManagementChange(context, caller, 'key_updated', { token: record.tokenHash });
  // LiteLLM echoes the key as passed; we answer with its hash so a raw key is never sent back.
  return { ...keyRecordResponse(record), key: record.tokenHash };
}

/** `GET /key/info`: the caller's own key when none is named. */
async function keyInfo(context: ManagementContext, { request, caller }: ManagementCall): Promise<Reply<'info'>> {
  const query = parseManagementInput(keyInfoQuery, request.query);
  if (query.key === undefined && caller.auth.kind === 'master') {
    throw new BadRequestError('Pass the key to look up as ?key=: the master key has no key record.', { param: 'key' });
  }
  const record = await context.ledger.keys.getOrThrow(query.key ?? caller.tokenHash);
  await assertMayViewKey(caller, record, { subject: 'this key', param: 'key' });
  return { key: record.tokenHash, info: await keyInfoResponse(context.ledger, record) };
}

/**
 * `POST /v2/key/info`: several keys at once, each info with its `token` (hash) so answers can be matched; keys not
 * found are left out. Every key found must be one the caller may view, or nothing is answered. `key` lists the hashes
 * of the keys asked for (LiteLLM echoes them as passed; a raw key is never sent back here).
 */
async function keysInfo(context: ManagementContext, { request, caller }: ManagementCall): Promise<Reply<'infoMany'>> {
  const body = parseManagementInput(keysInfoBody, request.body);
  const infos: KeyRecordReply[] = [];
  const seen = new Set<string>();
  for (const [index, reference] of body.keys.entries()) {
    const record = await context.ledger.keys.get(reference);
    if (record === undefined || seen.has(record.tokenHash)) continue;
    seen.add(record.tokenHash);
    await assertMayViewKey(caller, record, { subject: `keys[${index}]`, param: `keys[${index}]` });
    infos.push({ token: record.tokenHash, ...(await keyInfoResponse(context.ledger, record)) });
  }
  return { key: body.keys.map(toKeyHash), info: infos };
}

/** `GET /key/list`: proxy admins and viewers see every key; others their own and their teams' (as team admin). */
async function listKeys(context: ManagementContext, { request, caller }: ManagementCall): Promise<Reply<'list'>> {
  const query = parseManagementInput(listKeysQuery, request.query);
  const options: ListKeysOptions = {
    page: query.page,
    pageSize: query.size,
    userId: query.user_id,
    teamId: query.team_id,
    keyAlias: query.key_alias,
    keyHash: query.key_hash,
    sortBy: query.sort_by,
    sortOrder: query.sort_order,
  };
  if (!caller.canReadAll) {
    const adminTeamIds = await caller.adminTeamIds();
    if (caller.userId === undefined && adminTeamIds.length === 0) {
      // A key without a user sees only itself.
      if (options.keyHash !== undefined && toKeyHash(options.keyHash) !== caller.tokenHash) {
        return { keys: [], total_count: 0, current_page: query.page ?? 1, total_pages: 0 };
      }
      options.keyHash = caller.tokenHash;
    } else {
      options.ownedBy = { userId: caller.userId, teamIds: adminTeamIds };
    }
  }
  const page = await context.ledger.keys.list(options);
  return {
    keys: query.return_full_object === true ? page.keys.map(keyRecordResponse) : page.keys.map((key) => key.tokenHash),
    total_count: page.totalCount,
    current_page: page.currentPage,
    total_pages: page.totalPages,
  };
}

/** `POST /key/delete`: all named keys must exist and be the caller's to manage, or nothing is deleted. */
async function deleteKeys(context: ManagementContext, { request, caller }: ManagementCall): Promise<Reply<'delete'>> {
  const body = parseManagementInput(deleteKeysBody, request.body);
  const records = new Map<string, KeyRecord>();
  for (const [index, reference] of (body.keys ?? []).entries()) {
    const record = await context.ledger.keys.get(reference);
    if (record === undefined) throw new NotFoundError(`Key not found in database: keys[${index}]`, { param: `keys[${index}]` });
    records.set(record.tokenHash, record);
  }
  for (const [index, alias] of (body.key_aliases ?? []).entries()) {
    const [record] = (await context.ledger.keys.list({ keyAlias: alias, pageSize: 1 })).keys;
    if (record === undefined) throw new NotFoundError(`No key with alias '${alias}'`, { param: `key_aliases[${index}]` });
    records.set(record.tokenHash, record);
  }
  for (const record of records.values()) await assertMayManageKey(caller, record);
  const deleted = await context.ledger.keys.delete({ keys: [...records.keys()] });
  for (const record of records.values()) forgetKey(context, record);
  logManagementChange(context, caller, 'keys_deleted', { tokens: deleted });
  return { deleted_keys: deleted };
}

/** `POST /key/regenerate` and `POST /key/:key/regenerate`: a new raw key for the same row (spend, limits, owner). */
async function regenerateKey(context: ManagementContext, { request, caller }: ManagementCall): Promise<Reply<'regenerate'>> {
  const body = parseManagementInput(regenerateKeyBody, request.body);
  const fromPath = typeof request.params['key'] === 'string' ? request.params['key'] : undefined;
  if (fromPath !== undefined && body.key !== undefined && toKeyHash(fromPath) !== toKeyHash(body.key)) {
    throw new BadRequestError('The key in the path and the key in the body differ.', { param: 'key' });
  }
  const reference = fromPath ?? body.key;
  if (reference === undefined) throw new BadRequestError("Missing required parameter: 'key'.", { param: 'key' });
  const existing = await context.ledger.keys.getOrThrow(reference);
  await checkKeyChange(context, caller, existing, body);
  const issued = await context.ledger.keys.regenerate(existing.tokenHash, {
    newKey: body.new_key,
    gracePeriod: body.grace_period,
    update: toKeyFieldsInput(body),
  });
  forgetKey(context, existing);
  forgetKey(context, issued.record);
  logManagementChange(context, caller, 'key_regenerated', { token: issued.record.tokenHash, previous_token: existing.tokenHash });
  return issuedKeyResponse(issued);
}

/** `POST /key/block` and `/key/unblock`: proxy admins and admins of the key's team. */
async function setKeyBlocked(context: ManagementContext, { request, caller }: ManagementCall, blocked: boolean): Promise<KeyRecordReply> {
  const body = parseManagementInput(blockKeyBody, request.body);
  const existing = await context.ledger.keys.getOrThrow(body.key);
  await assertMayBlockKey(caller, existing);
  const record = await context.ledger.keys.setBlocked(existing.tokenHash, blocked);
  forgetKey(context, existing);
  logManagementChange(context, caller, blocked ? 'key_blocked' : 'key_unblocked', { token: record.tokenHash });
  return keyRecordResponse(record);
}

/** The `/key/*` routes. */
export function keyRoutes(context: ManagementContext): ManagementRoute[] {
  return [
    managementRoute({ method: 'post', paths: ['/key/generate'], access: 'write', response: keyResponses.generate, handle: (call) => generateKey(context, call) }),
    managementRoute({ method: 'post', paths: ['/key/service-account/generate'], access: 'write', response: keyResponses.serviceAccountGenerate, handle: (call) => generateServiceAccountKey(context, call) }),
    managementRoute({ method: 'post', paths: ['/key/update'], access: 'write', response: keyResponses.update, handle: (call) => updateKey(context, call) }),
    managementRoute({ method: 'post', paths: ['/key/bulk_update'], access: 'write', response: keyResponses.bulkUpdate, handle: (call) => bulkUpdateKeys(context, call) }),
    managementRoute({ method: 'get', paths: ['/key/info'], access: 'read', response: keyResponses.info, handle: (call) => keyInfo(context, call) }),
    managementRoute({ method: 'post', paths: ['/v2/key/info'], access: 'read', response: keyResponses.infoMany, handle: (call) => keysInfo(context, call) }),
    managementRoute({ method: 'get', paths: ['/key/list'], access: 'read', response: keyResponses.list, handle: (call) => listKeys(context, call) }),
    managementRoute({ method: 'post', paths: ['/key/delete'], access: 'write', response: keyResponses.delete, handle: (call) => deleteKeys(context, call) }),
    managementRoute({ method: 'post', paths: ['/key/regenerate', '/key/:key/regenerate'], access: 'write', response: keyResponses.regenerate, handle: (call) => regenerateKey(context, call) }),
    managementRoute({ method: 'post', paths: ['/key/block'], access: 'write', response: keyResponses.block, handle: (call) => setKeyBlocked(context, call, true) }),
    managementRoute({ method: 'post', paths: ['/key/unblock'], access: 'write', response: keyResponses.unblock, handle: (call) => setKeyBlocked(context, call, false) }),
  ];
}
