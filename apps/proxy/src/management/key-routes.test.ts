import { hashApiKey } from '@tollgate/ledger';
import {
  startManagementTestServer,
  storageTargets,
  TEST_MASTER_KEY,
  uniqueId,
  type ManagementTestServer,
} from './testing-internal/management-test-server.js';

const DAY_MS = 86_400_000;

describe.each(storageTargets())('key routes (%s)', (target) => {
  let server: ManagementTestServer;

  beforeAll(async () => {
    server = await startManagementTestServer(target);
  });

  afterAll(async () => {
    await server.close();
  });

  async function generate(body: Record<string, unknown> = {}): Promise<{ key: string; token: string }> {
    const result = await server.call('/key/generate', { body });
    expect(result.status).toBe(200);
    return result.body;
  }

  it('creates user, team, member and a key with models, duration and budget, in LiteLLM shape', async () => {
    const userId = uniqueId('ada');
    const teamId = uniqueId('red');
    expect((await server.call('/user/new', { body: { user_id: userId, auto_create_key: false } })).status).toBe(200);
    expect((await server.call('/team/new', { body: { team_id: teamId, team_alias: 'Red' } })).status).toBe(200);
    expect((await server.call('/team/member_add', { body: { team_id: teamId, member: { user_id: userId, role: 'user' } } })).status).toBe(200);
    const before = Date.now();
    const alias = uniqueId('ci');
    const result = await server.call('/key/generate', {
      body: { user_id: userId, team_id: teamId, models: ['gpt-4o'], duration: '30d', max_budget: 10.5, budget_duration: '1mo', key_alias: alias, metadata: { purpose: 'ci' } },
    });
    expect(result.status).toBe(200);
    const { key, token } = result.body;
    expect(key).toMatch(/^sk-[A-Za-z0-9_-]{22}$/);
    expect(result.body).toMatchObject({
      token: hashApiKey(key),
      token_id: hashApiKey(key),
      key_name: `sk-...${key.slice(-4)}`,
      key_alias: alias,
      user_id: userId,
      team_id: teamId,
      models: ['gpt-4o'],
      max_budget: 10.5,
      budget_duration: '1mo',
      spend: 0,
      metadata: { purpose: 'ci' },
      created_by: 'master_key',
    });
    const expiresMs = Date.parse(result.body.expires);
    expect(expiresMs).toBeGreaterThanOrEqual(before + 30 * DAY_MS);
    expect(expiresMs).toBeLessThanOrEqual(Date.now() + 30 * DAY_MS);
    expect(result.body.budget_reset_at).not.toBeNull();
    // Exact money: 10.5 USD is stored as 10.5e9 nano-USD.
    expect((await server.ledger.keys.get(token))?.maxBudgetNano).toBe(10_500_000_000n);
    // The key authenticates, with its owner, team and membership.
    await expect(server.authDirectory.authenticate(key)).resolves.toMatchObject({
      kind: 'virtual',
      tokenHash: token,
      user: { userId },
      team: { teamId },
      membership: { userId, teamId },
    });

    const info = await server.call(`/key/info?key=${encodeURIComponent(key)}`);
    expect(info.status).toBe(200);
    expect(info.body).toMatchObject({ key: token, info: { key_name: `sk-...${key.slice(-4)}`, max_budget: 10.5, spend: 0, models: ['gpt-4o'], team_id: teamId } });
    expect(JSON.stringify(info.body)).not.toContain(key);
  });

  it("answers /key/info by hash, and with the caller's own key when none is named", async () => {
    const userId = uniqueId('bob');
    await server.call('/user/new', { body: { user_id: userId, auto_create_key: false } });
    const { key, token } = await generate({ user_id: userId, max_budget: 0.1 });
    const byHash = await server.call(`/key/info?key=${token}`);
    expect(byHash.body).toMatchObject({ key: token, info: { user_id: userId, max_budget: 0.1 } });
    const own = await server.call('/key/info', { key });
    expect(own.status).toBe(200);
    expect(own.body.key).toBe(token);
    const master = await server.call('/key/info');
    expect(master.status).toBe(400);
    expect(master.body.error.param).toBe('key');
  });

  it('answers /v2/key/info for several keys, each info with its token, leaving out unknown keys', async () => {
    const userId = uniqueId('dora');
    await server.call('/user/new', { body: { user_id: userId, auto_create_key: false } });
    const first = await generate({ user_id: userId, max_budget: 1 });
    const second = await generate({ user_id: userId, max_budget: 2 });
    const result = await server.call('/v2/key/info', { body: { keys: [first.key, second.token, 'sk-not-a-key-1234567'] } });
    expect(result.status).toBe(200);
    expect(result.body.key).toEqual([first.token, second.token, hashApiKey('sk-not-a-key-1234567')]);
    expect(result.body.info).toEqual([
      expect.objectContaining({ token: first.token, user_id: userId, max_budget: 1 }),
      expect.objectContaining({ token: second.token, user_id: userId, max_budget: 2 }),
    ]);
    expect(JSON.stringify(result.body)).not.toContain(first.key);

    const refused = await server.call('/v2/key/info', { body: { keys: [] } });
    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatchObject({ type: 'invalid_request_error', param: 'keys' });
  });

  it("lets a user read their own keys through /v2/key/info, and refuses the whole answer if one is someone else's", async () => {
    const owner = uniqueId('erin');
    const other = uniqueId('finn');
    await server.call('/user/new', { body: { user_id: owner, auto_create_key: false } });
    await server.call('/user/new', { body: { user_id: other, auto_create_key: false } });
    const own = await generate({ user_id: owner });
    const foreign = await generate({ user_id: other });
    const allowed = await server.call('/v2/key/info', { key: own.key, body: { keys: [own.token] } });
    expect(allowed.status).toBe(200);
    expect(allowed.body.info).toHaveLength(1);
    const refused = await server.call('/v2/key/info', { key: own.key, body: { keys: [own.token, foreign.token] } });
    expect(refused.status).toBe(403);
    expect(refused.body.error).toMatchObject({ param: 'keys[1]' });
    expect(JSON.stringify(refused.body)).not.toContain(other);
  });

  it('issues service-account keys: owned by a team and no user, for proxy admins and team admins only', async () => {
    const teamId = uniqueId('svc');
    const admin = uniqueId('gina');
    const member = uniqueId('hal');
    for (const userId of [admin, member]) await server.call('/user/new', { body: { user_id: userId, auto_create_key: false } });
    await server.call('/team/new', { body: { team_id: teamId, members_with_roles: [{ user_id: admin, role: 'admin' }, { user_id: member, role: 'user' }] } });

    const byMaster = await server.call('/key/service-account/generate', { body: { team_id: teamId, key_alias: uniqueId('bot'), max_budget: 5 } });
    expect(byMaster.status).toBe(200);
    expect(byMaster.body).toMatchObject({ team_id: teamId, user_id: null, max_budget: 5 });

    const adminKey = await generate({ user_id: admin, team_id: teamId });
    const memberKey = await generate({ user_id: member, team_id: teamId });
    const byTeamAdmin = await server.call('/key/service-account/generate', { key: adminKey.key, body: { team_id: teamId } });
    expect(byTeamAdmin.status).toBe(200);
    expect(byTeamAdmin.body).toMatchObject({ team_id: teamId, user_id: null });
    const byMember = await server.call('/key/service-account/generate', { key: memberKey.key, body: { team_id: teamId } });
    expect(byMember.status).toBe(403);

    const noTeam = await server.call('/key/service-account/generate', { body: {} });
    expect(noTeam.status).toBe(400);
    expect(noTeam.body.error.param).toBe('team_id');
    const withUser = await server.call('/key/service-account/generate', { body: { team_id: teamId, user_id: admin } });
    expect(withUser.status).toBe(400);
    expect(withUser.body.error).toMatchObject({ param: 'user_id', message: expect.stringContaining('belongs to its team') });
    const unknownTeam = await server.call('/key/service-account/generate', { body: { team_id: uniqueId('nope') } });
    expect(unknownTeam.status).toBe(404);
  });

  it('bulk-updates keys one by one: failures are reported with the key as it stands, the rest apply', async () => {
    const userId = uniqueId('ivy');
    await server.call('/user/new', { body: { user_id: userId, auto_create_key: false } });
    const first = await generate({ user_id: userId, max_budget: 1 });
    const second = await generate({ user_id: userId, max_budget: 1 });
    const third = await generate({ user_id: userId, max_budget: 1 });
    const result = await server.call('/key/bulk_update', {
      body: {
        keys: [
          { key: first.key, max_budget: 10 },
          { key: 'sk-no-such-key-123456', max_budget: 10 },
          { key: second.token, team_id: uniqueId('ghost-team') },
          { key: third.token, max_budget: 30, rpm_limit: 5 },
        ],
      },
    });
    expect(result.status).toBe(200);
    expect(result.body.total_requested).toBe(4);
    expect(result.body.successful_updates).toEqual([
      { key: first.token, key_info: expect.objectContaining({ token: first.token, max_budget: 10 }) },
      { key: third.token, key_info: expect.objectContaining({ max_budget: 30, rpm_limit: 5 }) },
    ]);
    expect(result.body.failed_updates).toEqual([
      { key: hashApiKey('sk-no-such-key-123456'), key_info: null, failed_reason: 'Key not found in database' },
      { key: second.token, key_info: expect.objectContaining({ max_budget: 1, team_id: null }), failed_reason: expect.stringMatching(/team/i) },
    ]);
    expect(JSON.stringify(result.body)).not.toContain(first.key);
    expect((await server.call(`/key/info?key=${second.token}`)).body.info).toMatchObject({ max_budget: 1, team_id: null });
  });

  it('refuses bulk updates to anyone but a proxy admin, and a body that does not validate changes nothing', async () => {
    const userId = uniqueId('jay');
    await server.call('/user/new', { body: { user_id: userId, auto_create_key: false } });
    const own = await generate({ user_id: userId, max_budget: 1 });
    const byUser = await server.call('/key/bulk_update', { key: own.key, body: { keys: [{ key: own.token, max_budget: 99 }] } });
    expect(byUser.status).toBe(403);
    const invalid = await server.call('/key/bulk_update', { body: { keys: [{ key: own.token, max_budget: 5 }, { key: own.token, max_budget: -1 }] } });
    expect(invalid.status).toBe(400);
    expect(invalid.body.error.param).toBe('keys[1].max_budget');
    const tooMany = await server.call('/key/bulk_update', { body: { keys: Array.from({ length: 501 }, () => ({ key: own.token })) } });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.error.param).toBe('keys');
    expect((await server.call(`/key/info?key=${own.token}`)).body.info.max_budget).toBe(1);
  });

  it("answers an unknown key with LiteLLM's 404 not_found_error", async () => {
    const result = await server.call('/key/info?key=sk-does-not-exist-123456');
    expect(result.status).toBe(404);
    expect(result.body.error).toMatchObject({ type: 'not_found_error', message: 'Key not found in database', code: '404', param: 'key' });
  });

  it('lists keys as hashes or full objects, filtered and paged', async () => {
    const userId = uniqueId('carol');
    const tokens = [];
    for (let index = 0; index < 3; index += 1) tokens.push((await generate({ user_id: userId })).token);
    const hashes = await server.call(`/key/list?user_id=${userId}`);
    expect(hashes.body).toMatchObject({ total_count: 3, current_page: 1, total_pages: 1 });
    expect([...hashes.body.keys].sort()).toEqual([...tokens].sort());
    const paged = await server.call(`/key/list?user_id=${userId}&size=2&page=2&return_full_object=true`);
    expect(paged.body).toMatchObject({ total_count: 3, current_page: 2, total_pages: 2 });
    expect(paged.body.keys).toHaveLength(1);
    expect(paged.body.keys[0]).toMatchObject({ user_id: userId, token: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(paged.body.keys[0]).not.toHaveProperty('key');
  });

  it('updates a key so that the next request sees the change, never echoing the raw key', async () => {
    const { key, token } = await generate({ duration: '1d', max_budget: 1 });
    await server.authDirectory.authenticate(key); // cached now
    const updated = await server.call('/key/update', { body: { key, max_budget: 20, models: ['claude', 'beta-models', 'openai/*'], duration: '-1', rpm_limit: 60 } });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ key: token, token, max_budget: 20, models: ['claude', 'beta-models', 'openai/*'], expires: null, rpm_limit: 60 });
    expect(JSON.stringify(updated.body)).not.toContain(key);
    const auth = await server.authDirectory.authenticate(key);
    expect(auth.kind === 'virtual' && auth.key.maxBudgetNano).toBe(20_000_000_000n);
    const cleared = await server.call('/key/update', { body: { key: token, max_budget: null } });
    expect(cleared.body.max_budget).toBeNull();
  });

  it('blocks and unblocks a key, effective at once for the auth directory', async () => {
    const { key, token } = await generate();
    await expect(server.authDirectory.authenticate(key)).resolves.toMatchObject({ tokenHash: token });
    const blocked = await server.call('/key/block', { body: { key } });
    expect(blocked.status).toBe(200);
    expect(blocked.body).toMatchObject({ token, blocked: true });
    await expect(server.authDirectory.authenticate(key)).rejects.toThrow('Key is blocked');
    const refused = await server.call('/key/info', { key });
    expect(refused.status).toBe(401);
    expect((await server.call('/key/unblock', { body: { key: token } })).body.blocked).toBe(false);
    await expect(server.authDirectory.authenticate(key)).resolves.toMatchObject({ tokenHash: token });
  });

  it('regenerates a key: the old one is refused, the new one works and keeps the row', async () => {
    const { key: oldKey, token: oldToken } = await generate({ max_budget: 5, key_alias: uniqueId('regen') });
    await server.authDirectory.authenticate(oldKey);
    await server.ledger.applySpendEvents([
      {
        schema_version: 1,
        request_id: uniqueId('req'),
        call_type: 'acompletion',
        api_key: oldToken,
        cost_nano: '250000000',
        prompt_tokens: 10,
        completion_tokens: 5,
        start_time: new Date().toISOString(),
        end_time: new Date().toISOString(),
        model: 'gpt-4o',
        status: 'success',
      },
    ]);
    const regenerated = await server.call('/key/regenerate', { body: { key: oldKey, max_budget: 6 } });
    expect(regenerated.status).toBe(200);
    const newKey: string = regenerated.body.key;
    expect(newKey).not.toBe(oldKey);
    expect(regenerated.body).toMatchObject({ token: hashApiKey(newKey), key_name: `sk-...${newKey.slice(-4)}`, max_budget: 6, spend: 0.25 });
    await expect(server.authDirectory.authenticate(oldKey)).rejects.toThrow('Key not found');
    await expect(server.authDirectory.authenticate(newKey)).resolves.toMatchObject({ tokenHash: hashApiKey(newKey) });

    // The path form, with a grace period: the previous key keeps working for now.
    const again = await server.call(`/key/${hashApiKey(newKey)}/regenerate`, { body: { grace_period: '1h' } });
    expect(again.status).toBe(200);
    await expect(server.authDirectory.authenticate(newKey)).resolves.toMatchObject({ tokenHash: again.body.token });
    await expect(server.authDirectory.authenticate(again.body.key)).resolves.toMatchObject({ tokenHash: again.body.token });
  });

  it('deletes keys by key or alias; deleted keys are refused at once', async () => {
    const first = await generate();
    const alias = uniqueId('gone');
    const second = await generate({ key_alias: alias });
    await server.authDirectory.authenticate(first.key);
    await server.authDirectory.authenticate(second.key);
    const deleted = await server.call('/key/delete', { body: { keys: [first.key], key_aliases: [alias] } });
    expect(deleted.status).toBe(200);
    expect([...deleted.body.deleted_keys].sort()).toEqual([first.token, second.token].sort());
    expect(JSON.stringify(deleted.body)).not.toContain(first.key);
    await expect(server.authDirectory.authenticate(first.key)).rejects.toThrow('Key not found');
    await expect(server.authDirectory.authenticate(second.key)).rejects.toThrow('Key not found');
    const again = await server.call('/key/delete', { body: { keys: [first.token] } });
    expect(again.status).toBe(404);
    expect(again.body.error).toMatchObject({ type: 'not_found_error', param: 'keys[0]' });
  });

  it.each([
    [{ max_budget: -1 }, 'max_budget'],
    [{ max_budget: '10' }, 'max_budget'],
    [{ soft_budget: -0.01 }, 'soft_budget'],
    [{ duration: 'forever' }, 'duration'],
    [{ budget_duration: '-1' }, 'budget_duration'],
    [{ models: ['gpt-5-nope'] }, 'models[0]'],
    [{ models: 'gpt-4o' }, 'models'],
    [{ key: 'not-an-sk-key' }, 'key'],
    [{ key_type: 'superuser' }, 'key_type'],
    [{ tpm_limit: 1.5 }, 'tpm_limit'],
    [{ model_max_budget: { 'gpt-4o': { budget_limit: -2 } } }, 'model_max_budget.gpt-4o.budget_limit'],
    [{ budget_limits: [{ budget_duration: '24h', max_budget: -1 }] }, 'budget_limits[0].max_budget'],
    [{ tags: ['finance'] }, 'tags'],
    [{ max_budjet: 10 }, 'max_budjet'],
  ])('refuses %j with a 400 naming %s', async (body, param) => {
    const result = await server.call('/key/generate', { body });
    expect(result.status).toBe(400);
    expect(result.body.error.param).toBe(param);
    expect(result.body.error.message).toEqual(expect.any(String));
  });

  it('accepts empty values of LiteLLM fields Tollgate does not implement', async () => {
    const result = await server.call('/key/generate', { body: { tags: [], guardrails: null, send_invite_email: false, object_permission: {} } });
    expect(result.status).toBe(200);
  });

  it('answers 404 for a team that does not exist and 400 for a missing key to update', async () => {
    const noTeam = await server.call('/key/generate', { body: { team_id: uniqueId('ghost') } });
    expect(noTeam.status).toBe(404);
    expect(noTeam.body.error.param).toBe('team_id');
    const noKey = await server.call('/key/update', { body: { max_budget: 1 } });
    expect(noKey.status).toBe(400);
    expect(noKey.body.error).toMatchObject({ param: 'key', message: "Missing required parameter: 'key'." });
  });

  it('never writes a raw key or the master key to the logs', async () => {
    const { key } = await generate({ key_alias: uniqueId('logged') });
    await server.call('/key/update', { body: { key, max_budget: 3 } });
    const regenerated = await server.call('/key/regenerate', { body: { key } });
    await server.call('/key/delete', { body: { keys: [regenerated.body.key] } });
    const logs = server.logs.join('');
    expect(logs).toContain('key_regenerated');
    for (const secret of [key, regenerated.body.key, TEST_MASTER_KEY, hashApiKey(TEST_MASTER_KEY)]) expect(logs).not.toContain(secret);
  });
});
