import { startManagementTestServer, storageTargets, uniqueId, type ManagementTestServer } from './testing-internal/management-test-server.js';

describe.each(storageTargets())('management permissions (%s)', (target) => {
  let server: ManagementTestServer;
  const ids = {
    admin: uniqueId('admin'),
    viewer: uniqueId('viewer'),
    alice: uniqueId('alice'),
    bob: uniqueId('bob'),
    carol: uniqueId('carol'),
    watcher: uniqueId('watcher'),
    red: uniqueId('red'),
    blue: uniqueId('blue'),
  };
  type KeyName = 'admin' | 'viewer' | 'alice' | 'bob' | 'carol' | 'watcher' | 'llmApi' | 'readOnly' | 'infoOnly' | 'ownerless';
  const keys = {} as Record<KeyName, string>;

  async function ok(path: string, options: { key?: string; body?: unknown } = {}): Promise<any> {
    const result = await server.call(path, options);
    if (result.status !== 200) throw new Error(`${path} → ${result.status} ${JSON.stringify(result.body)}`);
    return result.body;
  }

  async function expectDenied(path: string, options: { key: string; body?: unknown }, param?: string): Promise<string> {
    const result = await server.call(path, options);
    expect(result.status).toBe(403);
    expect(result.body.error.type).toBe('permission_denied');
    if (param !== undefined) expect(result.body.error.param).toBe(param);
    return result.body.error.message;
  }

  async function newUser(userId: string, userRole: string): Promise<string> {
    return (await ok('/user/new', { body: { user_id: userId, user_role: userRole } })).key;
  }

  beforeAll(async () => {
    server = await startManagementTestServer(target);
    keys.admin = await newUser(ids.admin, 'proxy_admin');
    keys.viewer = await newUser(ids.viewer, 'proxy_admin_viewer');
    keys.alice = await newUser(ids.alice, 'internal_user');
    keys.bob = await newUser(ids.bob, 'internal_user');
    keys.carol = await newUser(ids.carol, 'internal_user');
    keys.watcher = await newUser(ids.watcher, 'internal_user_viewer');
    await ok('/team/new', { body: { team_id: ids.red, members_with_roles: [{ user_id: ids.carol, role: 'admin' }, { user_id: ids.alice, role: 'user' }] } });
    await ok('/team/new', { body: { team_id: ids.blue, members_with_roles: [{ user_id: ids.bob, role: 'user' }] } });
    keys.llmApi = (await ok('/key/generate', { body: { user_id: ids.alice, key_type: 'llm_api' } })).key;
    keys.readOnly = (await ok('/key/generate', { body: { user_id: ids.alice, key_type: 'read_only' } })).key;
    keys.infoOnly = (await ok('/key/generate', { body: { user_id: ids.alice, allowed_routes: ['/key/info'] } })).key;
    keys.ownerless = (await ok('/key/generate', { body: {} })).key;
  });

  afterAll(async () => {
    await server.close();
  });

  it('lets an internal user create keys for themself, in their own teams only', async () => {
    const personal = await ok('/key/generate', { key: keys.alice, body: { models: ['gpt-4o'] } });
    expect(personal).toMatchObject({ user_id: ids.alice, team_id: null, created_by: ids.alice });
    const inTeam = await ok('/key/generate', { key: keys.alice, body: { team_id: ids.red } });
    expect(inTeam).toMatchObject({ user_id: ids.alice, team_id: ids.red });
    await expectDenied('/key/generate', { key: keys.alice, body: { user_id: ids.bob } }, 'user_id');
    await expectDenied('/key/generate', { key: keys.alice, body: { user_id: null } }, 'user_id');
    const message = await expectDenied('/key/generate', { key: keys.alice, body: { team_id: ids.blue } }, 'team_id');
    expect(message).toContain(ids.blue);
    await expectDenied('/key/generate', { key: keys.alice, body: { spend: 1 } });
  });

  it("lets an internal user manage their own keys but not others', nor lift a block", async () => {
    const own = await ok('/key/generate', { key: keys.alice, body: {} });
    expect((await ok('/key/update', { key: keys.alice, body: { key: own.token, max_budget: 2 } })).max_budget).toBe(2);
    await expectDenied('/key/update', { key: keys.alice, body: { key: own.token, spend: 0 } });
    await expectDenied('/key/update', { key: keys.alice, body: { key: own.token, user_id: ids.bob } }, 'user_id');
    await expectDenied('/key/update', { key: keys.alice, body: { key: own.token, team_id: ids.blue } }, 'team_id');
    const bobs = await ok('/key/generate', { key: keys.bob, body: {} });
    await expectDenied('/key/update', { key: keys.alice, body: { key: bobs.token, max_budget: 100 } }, 'key');
    await expectDenied('/key/delete', { key: keys.alice, body: { keys: [bobs.token] } }, 'key');
    await expectDenied('/key/regenerate', { key: keys.alice, body: { key: bobs.token } }, 'key');
    await expectDenied(`/key/info?key=${bobs.token}`, { key: keys.alice }, 'key');
    await ok('/key/block', { body: { key: own.token } });
    await expectDenied('/key/unblock', { key: keys.alice, body: { key: own.token } }, 'key');
    await expectDenied('/key/update', { key: keys.alice, body: { key: own.token, blocked: false } }, 'key');
    expect((await ok('/key/delete', { key: keys.alice, body: { keys: [own.token] } })).deleted_keys).toEqual([own.token]);
  });

  it("shows an internal user only their own keys in /key/list, whatever the filter", async () => {
    const bobs = await ok('/key/generate', { key: keys.bob, body: {} });
    const mine = await ok('/key/list', { key: keys.alice });
    expect(mine.keys.length).toBeGreaterThan(0);
    for (const token of mine.keys) expect((await server.ledger.keys.get(token))?.userId).toBe(ids.alice);
    const filtered = await ok(`/key/list?user_id=${ids.bob}`, { key: keys.alice });
    expect(filtered.keys).not.toContain(bobs.token);
    expect(filtered.total_count).toBe(0);
  });

  it("lets a team admin manage the team's keys and members, and nothing outside the team", async () => {
    const forAlice = await ok('/key/generate', { key: keys.carol, body: { team_id: ids.red, user_id: ids.alice } });
    expect(forAlice).toMatchObject({ user_id: ids.alice, team_id: ids.red, created_by: ids.carol });
    const serviceAccount = await ok('/key/generate', { key: keys.carol, body: { team_id: ids.red, user_id: null } });
    expect(serviceAccount.user_id).toBeNull();
    await expectDenied('/key/generate', { key: keys.carol, body: { team_id: ids.red, user_id: ids.bob } }, 'user_id');
    await expectDenied('/key/generate', { key: keys.carol, body: { team_id: ids.blue } }, 'team_id');

    expect((await ok('/key/update', { key: keys.carol, body: { key: forAlice.token, max_budget: 4 } })).max_budget).toBe(4);
    expect((await ok('/key/block', { key: keys.carol, body: { key: forAlice.token } })).blocked).toBe(true);
    expect((await ok('/key/unblock', { key: keys.carol, body: { key: forAlice.token } })).blocked).toBe(false);
    const listed = await ok('/key/list', { key: keys.carol });
    expect(listed.keys).toEqual(expect.arrayContaining([forAlice.token, serviceAccount.token]));
    expect((await ok(`/key/info?key=${forAlice.token}`, { key: keys.carol })).info.team_id).toBe(ids.red);

    const alicePersonal = await ok('/key/generate', { key: keys.alice, body: {} });
    await expectDenied('/key/update', { key: keys.carol, body: { key: alicePersonal.token, max_budget: 9 } }, 'key');
    await expectDenied('/key/block', { key: keys.carol, body: { key: alicePersonal.token } }, 'key');

    const newcomer = uniqueId('dave');
    const added = await ok('/team/member_add', { key: keys.carol, body: { team_id: ids.red, member: { user_id: newcomer, role: 'user' } } });
    expect(added.updated_users).toEqual([expect.objectContaining({ user_id: newcomer, user_role: 'internal_user' })]);
    await expectDenied('/team/member_add', { key: keys.alice, body: { team_id: ids.red, member: { user_id: uniqueId('eve') } } }, 'team_id');
    await expectDenied('/team/member_add', { key: keys.carol, body: { team_id: ids.blue, member: { user_id: uniqueId('eve') } } }, 'team_id');
    await expectDenied('/team/update', { key: keys.carol, body: { team_id: ids.red, max_budget: 1000 } });
    expect((await ok('/key/delete', { key: keys.carol, body: { keys: [forAlice.token, serviceAccount.token] } })).deleted_keys).toHaveLength(2);
  });

  it('refuses every management route to an llm_api key', async () => {
    const message = await expectDenied('/key/info', { key: keys.llmApi });
    expect(message).toContain('llm_api');
    await expectDenied('/key/generate', { key: keys.llmApi, body: {} });
    await expectDenied('/spend/logs', { key: keys.llmApi });
  });

  it('lets a read_only key call info and list routes only', async () => {
    expect((await server.call('/key/info', { key: keys.readOnly })).status).toBe(200);
    expect((await server.call('/key/list', { key: keys.readOnly })).status).toBe(200);
    expect((await server.call('/spend/logs', { key: keys.readOnly })).status).toBe(200);
    const message = await expectDenied('/key/generate', { key: keys.readOnly, body: {} });
    expect(message).toContain('read_only');
  });

  it("keeps a key with allowed_routes to those routes", async () => {
    expect((await server.call('/key/info', { key: keys.infoOnly })).status).toBe(200);
    const message = await expectDenied('/key/list', { key: keys.infoOnly });
    expect(message).toContain('/key/list');
  });

  it('lets proxy_admin users do what the master key does', async () => {
    const user = uniqueId('frank');
    expect((await ok('/user/new', { key: keys.admin, body: { user_id: user } })).key).toMatch(/^sk-/);
    const team = await ok('/team/new', { key: keys.admin, body: { team_id: uniqueId('green') } });
    // The creating admin becomes the team's admin, as in LiteLLM.
    expect(team.members_with_roles).toEqual([{ user_id: ids.admin, role: 'admin' }]);
    expect((await ok('/key/generate', { key: keys.admin, body: { user_id: user, spend: 1 } })).spend).toBe(1);
    expect((await ok('/user/list', { key: keys.admin })).total).toBeGreaterThan(5);
  });

  it('lets proxy_admin_viewer users read everything and change nothing', async () => {
    expect((await ok('/user/list', { key: keys.viewer })).total).toBeGreaterThan(5);
    expect((await ok(`/key/list?user_id=${ids.bob}`, { key: keys.viewer })).total_count).toBeGreaterThan(0);
    expect((await server.call(`/team/info?team_id=${ids.blue}`, { key: keys.viewer })).status).toBe(200);
    expect((await server.call('/customer/list', { key: keys.viewer })).status).toBe(200);
    const message = await expectDenied('/key/generate', { key: keys.viewer, body: {} });
    expect(message).toContain('proxy_admin_viewer');
    await expectDenied('/user/new', { key: keys.viewer, body: {} });
  });

  it('keeps internal users away from admin-only routes and from other users and teams', async () => {
    await expectDenied('/user/new', { key: keys.alice, body: { user_id: uniqueId('x') } });
    await expectDenied('/user/update', { key: keys.alice, body: { user_id: ids.alice, max_budget: 1000 } });
    await expectDenied('/user/list', { key: keys.alice });
    await expectDenied('/team/new', { key: keys.alice, body: {} });
    await expectDenied('/customer/new', { key: keys.alice, body: { user_id: uniqueId('c') } });
    await expectDenied('/customer/list', { key: keys.alice });
    await expectDenied('/global/spend/report?start_date=2024-01-01&end_date=2024-01-02', { key: keys.alice });
    await expectDenied(`/user/info?user_id=${ids.bob}`, { key: keys.alice }, 'user_id');
    expect((await ok('/user/info', { key: keys.alice })).user_id).toBe(ids.alice);
    expect((await server.call(`/team/info?team_id=${ids.red}`, { key: keys.alice })).status).toBe(200);
    await expectDenied(`/team/info?team_id=${ids.blue}`, { key: keys.alice }, 'team_id');
    const teams = await ok('/team/list', { key: keys.alice });
    expect(teams.map((team: { team_id: string }) => team.team_id)).toEqual([ids.red]);
  });

  it('lets an internal_user_viewer look at their own things only', async () => {
    expect((await server.call('/key/info', { key: keys.watcher })).status).toBe(200);
    await expectDenied('/key/generate', { key: keys.watcher, body: {} });
  });

  it('lets a key without a user see itself and nothing else', async () => {
    expect((await server.call('/key/info', { key: keys.ownerless })).status).toBe(200);
    const listed = await ok('/key/list', { key: keys.ownerless });
    expect(listed.total_count).toBe(1);
    await expectDenied('/key/generate', { key: keys.ownerless, body: {} });
    await expectDenied(`/key/info?key=${keys.alice}`, { key: keys.ownerless }, 'key');
  });
});
