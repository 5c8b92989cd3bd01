import { startManagementTestServer, storageTargets, uniqueId, type ManagementTestServer } from './testing-internal/management-test-server.js';

describe.each(storageTargets())('team routes (%s)', (target) => {
  let server: ManagementTestServer;

  beforeAll(async () => {
    server = await startManagementTestServer(target);
  });

  afterAll(async () => {
    await server.close();
  });

  it('creates a team with members, budgets and member defaults, and shows it with /team/info', async () => {
    const admin = uniqueId('ada');
    const member = uniqueId('bob');
    const teamId = uniqueId('red');
    const created = await server.call('/team/new', {
      body: {
        team_id: teamId,
        team_alias: 'Red',
        models: ['gpt-4o', 'beta-models'],
        max_budget: 100,
        budget_duration: '30d',
        tpm_limit: 1000,
        team_member_budget: 10,
        model_aliases: { fast: 'gpt-4o-mini' },
        members_with_roles: [
          { role: 'admin', user_id: admin },
          { role: 'user', user_email: `${member}@example.com` },
        ],
      },
    });
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({
      team_id: teamId,
      team_alias: 'Red',
      models: ['gpt-4o', 'beta-models'],
      max_budget: 100,
      budget_duration: '30d',
      tpm_limit: 1000,
      team_member_budget: 10,
      model_aliases: { fast: 'gpt-4o-mini' },
      admins: [admin],
      spend: 0,
    });
    expect(created.body.members_with_roles).toHaveLength(2);
    // Unknown members become users (by id, or by email with a generated id).
    expect(await server.ledger.users.get(admin)).toMatchObject({ userRole: 'internal_user' });
    const byEmail = await server.ledger.users.getByEmail(`${member}@example.com`);
    expect(byEmail).toBeDefined();
    // Members take the team's per-member budget.
    expect(await server.ledger.teamMembers.get(teamId, byEmail!.userId)).toMatchObject({ role: 'user', maxBudgetInTeamNano: 10_000_000_000n });

    const key = (await server.call('/key/generate', { body: { team_id: teamId, user_id: admin } })).body;
    const info = await server.call(`/team/info?team_id=${teamId}`);
    expect(info.status).toBe(200);
    expect(info.body).toMatchObject({
      team_id: teamId,
      team_info: { team_id: teamId, max_budget: 100, members_with_roles: expect.any(Array) },
      keys: [{ token: key.token, user_id: admin }],
      team_memberships: expect.arrayContaining([expect.objectContaining({ user_id: admin, role: 'admin', max_budget_in_team: 10 })]),
    });
    expect(JSON.stringify(info.body)).not.toContain(key.key);
  });

  it("updates a team (LiteLLM's {team_id, data}) and applies it to the team's keys at once", async () => {
    const teamId = uniqueId('blue');
    await server.call('/team/new', { body: { team_id: teamId } });
    const { key } = (await server.call('/key/generate', { body: { team_id: teamId } })).body;
    await server.authDirectory.authenticate(key);
    const updated = await server.call('/team/update', { body: { team_id: teamId, max_budget: 3.5, models: ['claude'], spend: 0.5 } });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ team_id: teamId, data: { team_id: teamId, max_budget: 3.5, models: ['claude'], spend: 0.5 } });
    await expect(server.authDirectory.authenticate(key)).resolves.toMatchObject({ team: { maxBudgetNano: 3_500_000_000n, models: ['claude'] } });
    const missing = await server.call('/team/update', { body: { team_id: uniqueId('ghost'), max_budget: 1 } });
    expect([missing.status, missing.body.error.type]).toEqual([404, 'not_found_error']);
  });

  it("blocks a team so that all its keys are refused, and unblocks it", async () => {
    const teamId = uniqueId('green');
    await server.call('/team/new', { body: { team_id: teamId } });
    const { key } = (await server.call('/key/generate', { body: { team_id: teamId } })).body;
    await server.authDirectory.authenticate(key);
    expect((await server.call('/team/block', { body: { team_id: teamId } })).body.blocked).toBe(true);
    await expect(server.authDirectory.authenticate(key)).rejects.toThrow('is blocked');
    expect((await server.call('/team/unblock', { body: { team_id: teamId } })).body.blocked).toBe(false);
    await expect(server.authDirectory.authenticate(key)).resolves.toMatchObject({ team: { teamId } });
  });

  it('adds, updates and removes members; a removed member loses their keys in the team', async () => {
    const teamId = uniqueId('amber');
    await server.call('/team/new', { body: { team_id: teamId } });
    const first = uniqueId('carl');
    const second = uniqueId('dora');
    const added = await server.call('/team/member_add', {
      body: { team_id: teamId, member: [{ role: 'user', user_id: first }, { role: 'admin', user_id: second }], max_budget_in_team: 2 },
    });
    expect(added.status).toBe(200);
    expect(added.body).toMatchObject({
      team_id: teamId,
      updated_users: [{ user_id: first }, { user_id: second }],
      updated_team_memberships: [
        { user_id: first, role: 'user', max_budget_in_team: 2 },
        { user_id: second, role: 'admin', max_budget_in_team: 2 },
      ],
    });
    const duplicate = await server.call('/team/member_add', { body: { team_id: teamId, member: { user_id: first } } });
    expect([duplicate.status, duplicate.body.error.param]).toEqual([400, 'member']);

    const updated = await server.call('/team/member_update', { body: { team_id: teamId, user_id: first, role: 'admin', max_budget_in_team: 4.5, rpm_limit: 30 } });
    expect(updated.body).toEqual({ team_id: teamId, user_id: first, user_email: null, role: 'admin', max_budget_in_team: 4.5, tpm_limit: null, rpm_limit: 30 });

    const { key, token } = (await server.call('/key/generate', { body: { team_id: teamId, user_id: first } })).body;
    const personal = (await server.call('/key/generate', { body: { user_id: first } })).body;
    await server.authDirectory.authenticate(key);
    const removed = await server.call('/team/member_delete', { body: { team_id: teamId, user_id: first } });
    expect(removed.status).toBe(200);
    expect(removed.body.members_with_roles).toEqual([{ user_id: second, role: 'admin' }]);
    expect(removed.body.deleted_keys).toEqual([token]);
    await expect(server.authDirectory.authenticate(key)).rejects.toThrow('Key not found');
    await expect(server.authDirectory.authenticate(personal.key)).resolves.toMatchObject({ kind: 'virtual' });
    const notMember = await server.call('/team/member_delete', { body: { team_id: teamId, user_id: first } });
    expect([notMember.status, notMember.body.error.param]).toEqual([400, 'user_id']);
  });

  it('refuses a member listed twice without creating the team', async () => {
    const teamId = uniqueId('twice');
    const userId = uniqueId('gus');
    const result = await server.call('/team/new', { body: { team_id: teamId, members_with_roles: [{ user_id: userId }, { user_id: userId, role: 'admin' }] } });
    expect([result.status, result.body.error.param]).toEqual([400, 'member']);
    expect(await server.ledger.teams.get(teamId)).toBeUndefined();
  });

  it('lists teams with their keys and memberships', async () => {
    const teamId = uniqueId('violet');
    const member = uniqueId('fay');
    await server.call('/team/new', { body: { team_id: teamId, members_with_roles: [{ user_id: member, role: 'user' }] } });
    const all = await server.call('/team/list');
    expect(all.status).toBe(200);
    expect(all.body.find((team: { team_id: string }) => team.team_id === teamId)).toMatchObject({
      team_id: teamId,
      keys: [],
      team_memberships: [{ user_id: member, role: 'user' }],
    });
    const ofMember = await server.call(`/team/list?user_id=${member}`);
    expect(ofMember.body.map((team: { team_id: string }) => team.team_id)).toEqual([teamId]);
  });

  it('deletes teams with their keys; 404 when any team is unknown', async () => {
    const teamId = uniqueId('grey');
    await server.call('/team/new', { body: { team_id: teamId } });
    const { key, token } = (await server.call('/key/generate', { body: { team_id: teamId } })).body;
    const unknown = await server.call('/team/delete', { body: { team_ids: [teamId, uniqueId('ghost')] } });
    expect(unknown.status).toBe(404);
    expect(await server.ledger.teams.get(teamId)).toBeDefined();
    const deleted = await server.call('/team/delete', { body: { team_ids: [teamId] } });
    expect(deleted.body).toEqual({ deleted_teams: [teamId], deleted_keys: [token] });
    await expect(server.authDirectory.authenticate(key)).rejects.toThrow('Key not found');
  });

  it.each([
    ['/team/new', { max_budget: -1 }, 'max_budget'],
    ['/team/new', { members_with_roles: [{ role: 'owner', user_id: 'x' }] }, 'members_with_roles[0].role'],
    ['/team/new', { members_with_roles: [{ role: 'user' }] }, 'members_with_roles[0].user_id'],
    ['/team/new', { models: ['gpt-9'] }, 'models[0]'],
    ['/team/new', { team_member_budget_duration: 'weekly' }, 'team_member_budget_duration'],
    ['/team/new', { guardrails: ['pii'] }, 'guardrails'],
    ['/team/update', { max_budget: 1 }, 'team_id'],
    ['/team/member_add', { team_id: 't', member: [] }, 'member'],
    ['/team/member_delete', { team_id: 't' }, 'user_id'],
  ])('%s refuses %j with a 400 naming %s', async (path, body, param) => {
    const result = await server.call(path, { body });
    expect(result.status).toBe(400);
    expect(result.body.error.param).toBe(param);
  });
});
