import { hashApiKey } from '@tollgate/ledger';
import { startManagementTestServer, storageTargets, uniqueId, type ManagementTestServer } from './testing-internal/management-test-server.js';

describe.each(storageTargets())('user routes (%s)', (target) => {
  let server: ManagementTestServer;

  beforeAll(async () => {
    server = await startManagementTestServer(target);
  });

  afterAll(async () => {
    await server.close();
  });

  it('creates a user with budget, role, models and teams, and returns their new key once', async () => {
    const teamId = uniqueId('red');
    await server.call('/team/new', { body: { team_id: teamId } });
    const userId = uniqueId('ada');
    const email = `${userId}@example.com`;
    const result = await server.call('/user/new', {
      body: {
        user_id: userId,
        user_email: email,
        user_alias: 'Ada',
        user_role: 'internal_user',
        max_budget: 25,
        budget_duration: '30d',
        models: ['gpt-4o-mini'],
        rpm_limit: 10,
        teams: [{ team_id: teamId, max_budget_in_team: 5, user_role: 'admin' }],
        duration: '1d',
        key_alias: uniqueId('ada-key'),
      },
    });
    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({
      user_id: userId,
      user_email: email,
      user_alias: 'Ada',
      user_role: 'internal_user',
      max_budget: 25,
      budget_duration: '30d',
      models: ['gpt-4o-mini'],
      rpm_limit: 10,
      spend: 0,
      teams: [teamId],
      key: expect.stringMatching(/^sk-/),
    });
    const { key } = result.body;
    expect(result.body.token).toBe(hashApiKey(key));
    expect(Date.parse(result.body.expires)).toBeGreaterThan(Date.now());
    await expect(server.authDirectory.authenticate(key)).resolves.toMatchObject({ kind: 'virtual', user: { userId, maxBudgetNano: 25_000_000_000n } });
    expect(await server.ledger.teamMembers.get(teamId, userId)).toMatchObject({ role: 'admin', maxBudgetInTeamNano: 5_000_000_000n });

    const info = await server.call(`/user/info?user_id=${userId}`);
    expect(info.status).toBe(200);
    expect(info.body).toMatchObject({
      user_id: userId,
      user_info: { user_id: userId, user_email: email, max_budget: 25, spend: 0 },
      keys: [{ token: hashApiKey(key), user_id: userId }],
      teams: [{ team_id: teamId }],
      team_memberships: [{ team_id: teamId, user_id: userId, role: 'admin', spend: 0, max_budget_in_team: 5, litellm_budget_table: { max_budget: 5 } }],
    });
    expect(JSON.stringify(info.body)).not.toContain(key);
  });

  it('creates no key when auto_create_key is false', async () => {
    const userId = uniqueId('bob');
    const result = await server.call('/user/new', { body: { user_id: userId, auto_create_key: false } });
    expect(result.body).toMatchObject({ user_id: userId, key: null, token: null });
    expect((await server.call(`/user/info?user_id=${userId}`)).body.keys).toEqual([]);
  });

  it('refuses duplicates, unknown teams (creating nothing) and bad fields, naming the param', async () => {
    const userId = uniqueId('carol');
    await server.call('/user/new', { body: { user_id: userId, user_email: `${userId}@example.com`, auto_create_key: false } });
    const sameId = await server.call('/user/new', { body: { user_id: userId } });
    expect(sameId.status).toBe(400);
    expect(sameId.body.error.param).toBe('user_id');
    const sameEmail = await server.call('/user/new', { body: { user_email: `${userId}@example.com` } });
    expect(sameEmail.status).toBe(400);
    expect(sameEmail.body.error.param).toBe('user_email');
    const ghostTeam = uniqueId('ghost');
    const orphan = uniqueId('orphan');
    const noTeam = await server.call('/user/new', { body: { user_id: orphan, teams: [ghostTeam] } });
    expect(noTeam.status).toBe(404);
    expect(noTeam.body.error.param).toBe('team_id');
    expect(await server.ledger.users.get(orphan)).toBeUndefined();
    const twice = await server.call('/user/new', { body: { user_id: orphan, teams: [ghostTeam, { team_id: ghostTeam }] } });
    expect([twice.status, twice.body.error.param]).toEqual([400, 'teams']);
    for (const [body, param] of [
      [{ user_role: 'god' }, 'user_role'],
      [{ user_email: 'not-an-email' }, 'user_email'],
      [{ max_budget: -5 }, 'max_budget'],
      [{ password: 'hunter22' }, 'password'],
      [{ models: ['nope'] }, 'models[0]'],
    ] as const) {
      const result = await server.call('/user/new', { body });
      expect([result.status, result.body.error.param]).toEqual([400, param]);
    }
  });

  it('answers an unknown user with 404', async () => {
    const result = await server.call(`/user/info?user_id=${uniqueId('nobody')}`);
    expect(result.status).toBe(404);
    expect(result.body.error.type).toBe('not_found_error');
  });

  it('updates a user by id or email; a role change applies to their next request', async () => {
    const userId = uniqueId('dave');
    const email = `${userId}@example.com`;
    const { key } = (await server.call('/user/new', { body: { user_id: userId, user_email: email } })).body;
    expect((await server.call('/user/list', { key })).status).toBe(403);
    const promoted = await server.call('/user/update', { body: { user_id: userId, user_role: 'proxy_admin_viewer', max_budget: 7.25 } });
    expect(promoted.status).toBe(200);
    expect(promoted.body).toMatchObject({ user_id: userId, user_role: 'proxy_admin_viewer', max_budget: 7.25 });
    expect((await server.call('/user/list', { key })).status).toBe(200);
    const byEmail = await server.call('/user/update', { body: { user_email: email, user_alias: 'Dave', spend: 1.5 } });
    expect(byEmail.body).toMatchObject({ user_id: userId, user_email: email, user_alias: 'Dave', spend: 1.5 });
    const unknown = await server.call('/user/update', { body: { user_email: `${uniqueId('x')}@example.com`, user_alias: 'x' } });
    expect(unknown.status).toBe(404);
    const nameless = await server.call('/user/update', { body: { user_alias: 'x' } });
    expect([nameless.status, nameless.body.error.param]).toEqual([400, 'user_id']);
  });

  it('lists users with filters, paging and key counts', async () => {
    const teamId = uniqueId('blue');
    await server.call('/team/new', { body: { team_id: teamId } });
    const members = [uniqueId('m1'), uniqueId('m2'), uniqueId('m3')];
    for (const userId of members) await server.call('/user/new', { body: { user_id: userId, user_role: 'internal_user_viewer', teams: [teamId] } });
    const inTeam = await server.call(`/user/list?team=${teamId}&page_size=2&sort_by=user_id&sort_order=asc`);
    expect(inTeam.body).toMatchObject({ total: 3, page: 1, page_size: 2, total_pages: 2 });
    expect(inTeam.body.users.map((user: { user_id: string }) => user.user_id)).toEqual([...members].sort().slice(0, 2));
    expect(inTeam.body.users[0].key_count).toBe(1);
    const byIds = await server.call(`/user/list?user_ids=${members[0]},${members[2]}&role=internal_user_viewer`);
    expect(byIds.body.total).toBe(2);
    const bad = await server.call('/user/list?page_size=500');
    expect([bad.status, bad.body.error.param]).toEqual([400, 'page_size']);
  });

  it("deletes users with their memberships and keys; their keys are refused at once", async () => {
    const teamId = uniqueId('green');
    await server.call('/team/new', { body: { team_id: teamId } });
    const userId = uniqueId('erin');
    const { key } = (await server.call('/user/new', { body: { user_id: userId, teams: [teamId] } })).body;
    await server.authDirectory.authenticate(key);
    const deleted = await server.call('/user/delete', { body: { user_ids: [userId] } });
    expect(deleted.status).toBe(200);
    expect(deleted.body).toEqual({ deleted_users: [userId], deleted_keys: [hashApiKey(key)] });
    await expect(server.authDirectory.authenticate(key)).rejects.toThrow('Key not found');
    expect(await server.ledger.teamMembers.get(teamId, userId)).toBeUndefined();
    const again = await server.call('/user/delete', { body: { user_ids: [userId] } });
    expect([again.status, again.body.error.param]).toEqual([404, 'user_ids']);
  });

  it('bulk-updates users one by one, by id or email: failures are reported, the rest apply', async () => {
    const first = uniqueId('kim');
    const second = uniqueId('lee');
    await server.call('/user/new', { body: { user_id: first, auto_create_key: false, max_budget: 1 } });
    await server.call('/user/new', { body: { user_id: second, user_email: `${second}@example.com`, auto_create_key: false } });
    const result = await server.call('/user/bulk_update', {
      body: {
        users: [
          { user_id: first, max_budget: 10, user_role: 'internal_user_viewer' },
          { user_id: uniqueId('nobody'), max_budget: 10 },
          { user_email: `${second}@example.com`, max_budget: 20 },
          { user_id: first, models: ['no-such-model'] },
        ],
      },
    });
    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({ total_requested: 4, successful_updates: 2, failed_updates: 2 });
    expect(result.body.results).toEqual([
      expect.objectContaining({ user_id: first, success: true, updated_user: expect.objectContaining({ max_budget: 10, user_role: 'internal_user_viewer' }) }),
      expect.objectContaining({ success: false, error: expect.stringMatching(/not found/i) }),
      expect.objectContaining({ user_id: second, user_email: `${second}@example.com`, success: true, updated_user: expect.objectContaining({ max_budget: 20 }) }),
      expect.objectContaining({ user_id: first, success: false, error: expect.stringContaining('no-such-model') }),
    ]);
    expect((await server.call(`/user/info?user_id=${first}`)).body.user_info).toMatchObject({ max_budget: 10, models: [] });
  });

  it('refuses a bulk update from anyone but a proxy admin, and a body that names neither users nor all_users', async () => {
    const userId = uniqueId('max');
    const { key } = (await server.call('/user/new', { body: { user_id: userId, user_role: 'internal_user' } })).body;
    const byUser = await server.call('/user/bulk_update', { key, body: { users: [{ user_id: userId, max_budget: 99 }] } });
    expect(byUser.status).toBe(403);
    const neither = await server.call('/user/bulk_update', { body: {} });
    expect([neither.status, neither.body.error.param]).toEqual([400, 'users']);
    const invalid = await server.call('/user/bulk_update', { body: { users: [{ user_id: userId, max_budget: 5 }, { user_id: userId, max_budget: -1 }] } });
    expect([invalid.status, invalid.body.error.param]).toEqual([400, 'users[1].max_budget']);
    expect((await server.call(`/user/info?user_id=${userId}`)).body.user_info.max_budget).toBeNull();
  });

  // Last: it changes every user of this server's ledger.
  it('applies user_updates to every user with all_users', async () => {
    const result = await server.call('/user/bulk_update', { body: { all_users: true, user_updates: { tpm_limit: 12345 } } });
    expect(result.status).toBe(200);
    const listed = await server.call('/user/list?page_size=100');
    expect(result.body.total_requested).toBe(listed.body.total);
    expect(result.body.failed_updates).toBe(0);
    expect(listed.body.users.every((user: { tpm_limit: number }) => user.tpm_limit === 12345)).toBe(true);
    const withEmail = await server.call('/user/bulk_update', { body: { all_users: true, user_updates: { user_email: 'same@example.com' } } });
    expect([withEmail.status, withEmail.body.error.param]).toEqual([400, 'user_updates.user_email']);
  });
});
