import { startManagementTestServer, storageTargets, uniqueId, type ManagementTestServer } from './testing-internal/management-test-server.js';

/**
 * The key-change permission matrix (README "Who may change a key's limits"), per role and per field, through the
 * HTTP API. Every case starts from a fresh key whose limits a proxy admin set.
 */

/** What a proxy admin set on every key under test. */
const ADMIN_SET = {
  max_budget: 10,
  soft_budget: 5,
  budget_duration: '30d',
  tpm_limit: 1000,
  rpm_limit: 100,
  max_parallel_requests: 10,
  models: ['gpt-4o', 'gpt-4o-mini'],
  model_max_budget: { 'gpt-4o': { budget_limit: 5, time_period: '1d' } },
  model_rpm_limit: { 'gpt-4o': 50 },
  model_tpm_limit: { 'gpt-4o': 500 },
  budget_limits: [{ budget_duration: '24h', max_budget: 2 }],
  allowed_routes: ['info_routes', '/key/update'],
  duration: '30d',
};

/** The team's own limits: team admins may set a team key's limits up to these. */
const TEAM_LIMITS = { max_budget: 100, tpm_limit: 10_000, rpm_limit: 1000, max_parallel_requests: 100 };

/** `tighten`: no looser than what the admin set; `loosen`: looser, within the team; `above-team`: past the team's limits. */
type ChangeKind = 'tighten' | 'loosen' | 'above-team';

const CASES: [field: string, kind: ChangeKind, change: Record<string, unknown>][] = [
  ['max_budget', 'tighten', { max_budget: 5 }],
  ['max_budget', 'loosen', { max_budget: 20 }],
  ['max_budget', 'loosen', { max_budget: null }],
  ['max_budget', 'above-team', { max_budget: 1000 }],
  ['soft_budget', 'tighten', { soft_budget: 1 }],
  ['soft_budget', 'loosen', { soft_budget: 8 }],
  ['soft_budget', 'loosen', { soft_budget: null }],
  ['budget_duration', 'tighten', { budget_duration: '30d' }],
  ['budget_duration', 'loosen', { budget_duration: '1d' }],
  ['budget_duration', 'loosen', { budget_duration: null }],
  ['tpm_limit', 'tighten', { tpm_limit: 500 }],
  ['tpm_limit', 'loosen', { tpm_limit: 2000 }],
  ['tpm_limit', 'loosen', { tpm_limit: null }],
  ['tpm_limit', 'above-team', { tpm_limit: 20_000 }],
  ['rpm_limit', 'tighten', { rpm_limit: 50 }],
  ['rpm_limit', 'loosen', { rpm_limit: 200 }],
  ['rpm_limit', 'loosen', { rpm_limit: null }],
  ['rpm_limit', 'above-team', { rpm_limit: 5000 }],
  ['max_parallel_requests', 'tighten', { max_parallel_requests: 1 }],
  ['max_parallel_requests', 'loosen', { max_parallel_requests: 20 }],
  ['max_parallel_requests', 'loosen', { max_parallel_requests: null }],
  ['max_parallel_requests', 'above-team', { max_parallel_requests: 500 }],
  ['models', 'tighten', { models: ['gpt-4o'] }],
  ['models', 'loosen', { models: ['gpt-4o', 'claude'] }],
  ['models', 'loosen', { models: [] }],
  ['model_max_budget', 'tighten', { model_max_budget: { 'gpt-4o': { budget_limit: 1, time_period: '1d' }, claude: 1 } }],
  ['model_max_budget', 'loosen', { model_max_budget: { 'gpt-4o': { budget_limit: 9, time_period: '1d' } } }],
  ['model_max_budget', 'loosen', { model_max_budget: {} }],
  ['model_max_budget', 'above-team', { model_max_budget: { 'gpt-4o': 500 } }],
  ['model_rpm_limit', 'tighten', { model_rpm_limit: { 'gpt-4o': 10, claude: 1 } }],
  ['model_rpm_limit', 'loosen', { model_rpm_limit: { 'gpt-4o': 99 } }],
  ['model_rpm_limit', 'loosen', { model_rpm_limit: {} }],
  ['model_rpm_limit', 'above-team', { model_rpm_limit: { 'gpt-4o': 5000 } }],
  ['model_tpm_limit', 'tighten', { model_tpm_limit: { 'gpt-4o': 100 } }],
  ['model_tpm_limit', 'loosen', { model_tpm_limit: { 'gpt-4o': 999 } }],
  ['model_tpm_limit', 'loosen', { model_tpm_limit: {} }],
  ['budget_limits', 'tighten', { budget_limits: [{ budget_duration: '24h', max_budget: 1 }, { budget_duration: '7d', max_budget: 3 }] }],
  ['budget_limits', 'loosen', { budget_limits: [{ budget_duration: '24h', max_budget: 3 }] }],
  ['budget_limits', 'loosen', { budget_limits: [] }],
  ['budget_limits', 'above-team', { budget_limits: [{ budget_duration: '24h', max_budget: 500 }] }],
  ['allowed_routes', 'tighten', { allowed_routes: ['info_routes'] }],
  ['allowed_routes', 'loosen', { allowed_routes: ['info_routes', '/key/update', '/key/delete'] }],
  ['allowed_routes', 'loosen', { allowed_routes: [] }],
  ['key_type', 'tighten', { key_type: 'llm_api' }],
  ['duration', 'tighten', { duration: '1d' }],
  ['duration', 'loosen', { duration: '60d' }],
  ['duration', 'loosen', { duration: '-1' }],
  ['duration', 'loosen', { duration: null }],
];

/** Who calls, on which key. */
type Role = 'internal user (own personal key)' | 'team member (own team key)' | 'team admin (team key)' | 'proxy admin';
const ROLES: Role[] = ['internal user (own personal key)', 'team member (own team key)', 'team admin (team key)', 'proxy admin'];

/** The matrix: owners only tighten; team admins loosen within the team's limits; proxy admins do anything. */
function expectedStatus(role: Role, kind: ChangeKind): 200 | 403 {
  if (role === 'proxy admin' || kind === 'tighten') return 200;
  if (role === 'team admin (team key)') return kind === 'loosen' ? 200 : 403;
  return 403;
}

describe.each(storageTargets())("who may change a key's limits (%s)", (target) => {
  let server: ManagementTestServer;
  const ids = { admin: uniqueId('admin'), alice: uniqueId('alice'), carol: uniqueId('carol'), other: uniqueId('other'), red: uniqueId('red'), blue: uniqueId('blue') };
  const callers = {} as Record<'admin' | 'alice' | 'carol', string>;

  async function ok(path: string, options: { key?: string; body?: unknown } = {}): Promise<any> {
    const result = await server.call(path, options);
    if (result.status !== 200) throw new Error(`${path} → ${result.status} ${JSON.stringify(result.body)}`);
    return result.body;
  }

  /** A fresh key with the admin's limits, for the role's case; answers the key's hash and who calls. */
  async function keyFor(role: Role, extra: Record<string, unknown> = {}): Promise<{ token: string; caller: string }> {
    const teamKey = role === 'team member (own team key)' || role === 'team admin (team key)';
    const generated = await ok('/key/generate', { body: { ...ADMIN_SET, user_id: ids.alice, team_id: teamKey ? ids.red : null, ...extra } });
    const caller = role === 'proxy admin' ? callers.admin : role === 'team admin (team key)' ? callers.carol : callers.alice;
    return { token: generated.token, caller };
  }

  beforeAll(async () => {
    server = await startManagementTestServer(target);
    callers.admin = (await ok('/user/new', { body: { user_id: ids.admin, user_role: 'proxy_admin' } })).key;
    callers.alice = (await ok('/user/new', { body: { user_id: ids.alice, user_role: 'internal_user' } })).key;
    callers.carol = (await ok('/user/new', { body: { user_id: ids.carol, user_role: 'internal_user' } })).key;
    await ok('/user/new', { body: { user_id: ids.other, user_role: 'internal_user', auto_create_key: false } });
    await ok('/team/new', {
      body: { team_id: ids.red, ...TEAM_LIMITS, members_with_roles: [{ user_id: ids.carol, role: 'admin' }, { user_id: ids.alice, role: 'user' }, { user_id: ids.other, role: 'user' }] },
    });
    await ok('/team/new', { body: { team_id: ids.blue, members_with_roles: [{ user_id: ids.alice, role: 'user' }, { user_id: ids.carol, role: 'user' }] } });
  });

  afterAll(async () => {
    await server.close();
  });

  describe.each(ROLES)('%s', (role) => {
    it.each(CASES)('/key/update %s (%s) %j', async (field, kind, change) => {
      const { token, caller } = await keyFor(role);
      const before = await server.ledger.keys.get(token);
      const result = await server.call('/key/update', { key: caller, body: { key: token, ...change } });
      const expected = expectedStatus(role, kind);
      expect({ status: result.status, param: result.body.error?.param }).toEqual({ status: expected, param: expected === 403 ? field : undefined });
      if (expected === 403) {
        expect(result.body.error.type).toBe('permission_denied');
        expect(result.body.error.message).toContain(field);
        // Nothing changed.
        expect(await server.ledger.keys.get(token)).toEqual(before);
      }
    });

    it('lets the caller change cosmetic fields (alias, metadata, model aliases)', async () => {
      const { token, caller } = await keyFor(role);
      const alias = uniqueId('renamed');
      const result = await server.call('/key/update', { key: caller, body: { key: token, key_alias: alias, metadata: { purpose: 'ci' }, aliases: { fast: 'gpt-4o-mini' } } });
      expect(result.status).toBe(200);
      expect(result.body).toMatchObject({ key_alias: alias, metadata: { purpose: 'ci' }, aliases: { fast: 'gpt-4o-mini' } });
    });

    it('applies the same rules to /key/regenerate with update fields', async () => {
      const { token, caller } = await keyFor(role);
      const loosened = await server.call('/key/regenerate', { key: caller, body: { key: token, max_budget: null } });
      expect(loosened.status).toBe(expectedStatus(role, 'loosen'));
      const tightened = await server.call('/key/regenerate', { key: caller, body: { key: loosened.status === 200 ? loosened.body.key : token, rpm_limit: 1 } });
      expect(tightened.status).toBe(200);
      expect(tightened.body.rpm_limit).toBe(1);
    });

    it('lets only admins change key_type from a typed key, spend, or unblock', async () => {
      const typed = await keyFor(role, { key_type: 'llm_api' });
      const widened = await server.call('/key/update', { key: typed.caller, body: { key: typed.token, key_type: 'default' } });
      expect(widened.status).toBe(expectedStatus(role, 'loosen'));
      const spend = await server.call('/key/update', { key: typed.caller, body: { key: typed.token, spend: 0 } });
      expect(spend.status).toBe(role === 'proxy admin' ? 200 : 403);
      const blocked = await keyFor(role, { blocked: true });
      const unblocked = await server.call('/key/update', { key: blocked.caller, body: { key: blocked.token, blocked: false } });
      expect(unblocked.status).toBe(role === 'proxy admin' || role === 'team admin (team key)' ? 200 : 403);
    });
  });

  it('lets an owner send back the values a key already has, unset limits included', async () => {
    const { token } = await keyFor('internal user (own personal key)');
    const unchanged = { ...ADMIN_SET, duration: undefined, key_type: 'default', user_id: ids.alice, team_id: null, blocked: false };
    expect((await server.call('/key/update', { key: callers.alice, body: { key: token, ...unchanged } })).status).toBe(200);
    const bare = await ok('/key/generate', { body: { user_id: ids.alice } });
    const cleared = { max_budget: null, soft_budget: null, budget_duration: null, tpm_limit: null, rpm_limit: null, max_parallel_requests: null, models: [], allowed_routes: [], model_max_budget: {}, budget_limits: [], duration: null };
    expect((await server.call('/key/update', { key: callers.alice, body: { key: bare.token, ...cleared } })).status).toBe(200);
  });

  it("lets an owner who is not a team admin move their key to no other user or team", async () => {
    for (const role of ['internal user (own personal key)', 'team member (own team key)'] as const) {
      const { token, caller } = await keyFor(role);
      for (const change of [{ user_id: ids.other }, { team_id: ids.blue }, { team_id: role === 'team member (own team key)' ? null : ids.red }]) {
        const result = await server.call('/key/update', { key: caller, body: { key: token, ...change } });
        expect({ status: result.status, param: result.body.error?.param }).toEqual({ status: 403, param: Object.keys(change)[0] });
      }
    }
  });

  it("lets a team admin give a team key to another member, within the team's limits", async () => {
    const { token, caller } = await keyFor('team admin (team key)');
    expect((await server.call('/key/update', { key: caller, body: { key: token, user_id: ids.other, max_budget: 100 } })).status).toBe(200);
    const outside = await server.call('/key/update', { key: caller, body: { key: token, team_id: ids.blue } });
    expect(outside.status).toBe(403);
  });

  it('lets /key/bulk_update through for proxy admins only', async () => {
    const { token } = await keyFor('internal user (own personal key)');
    expect((await server.call('/key/bulk_update', { key: callers.alice, body: { keys: [{ key: token, max_budget: 1 }] } })).status).toBe(403);
    expect((await server.call('/key/bulk_update', { key: callers.carol, body: { keys: [{ key: token, max_budget: 1 }] } })).status).toBe(403);
    const byAdmin = await ok('/key/bulk_update', { key: callers.admin, body: { keys: [{ key: token, max_budget: null, models: [] }] } });
    expect(byAdmin.successful_updates).toHaveLength(1);
    expect(byAdmin.successful_updates[0].key_info).toMatchObject({ max_budget: null, models: [] });
  });

  describe('/key/generate by a non-admin stays within the limits of the key-to-be owner', () => {
    let bounded: { userId: string; key: string };

    beforeAll(async () => {
      const userId = uniqueId('bounded');
      const created = await ok('/user/new', { body: { user_id: userId, user_role: 'internal_user', max_budget: 10, rpm_limit: 100, models: ['gpt-4o', 'gpt-4o-mini'] } });
      bounded = { userId, key: created.key };
      await ok('/team/member_add', { body: { team_id: ids.red, member: { user_id: userId, role: 'user' } } });
    });

    it.each([
      ['max_budget', { max_budget: 20 }],
      ['soft_budget', { soft_budget: 11 }],
      ['rpm_limit', { rpm_limit: 101 }],
      ['model_rpm_limit', { model_rpm_limit: { 'gpt-4o': 500 } }],
      ['model_max_budget', { model_max_budget: { 'gpt-4o': 50 } }],
      ['budget_limits', { budget_limits: [{ budget_duration: '1d', max_budget: 11 }] }],
      ['models', { models: ['claude'] }],
    ])('refuses a personal key with %s above the user', async (field, body) => {
      const result = await server.call('/key/generate', { key: bounded.key, body });
      expect({ status: result.status, param: result.body.error?.param }).toEqual({ status: 403, param: field });
      expect(result.body.error.message).toContain(`user ${bounded.userId}`);
    });

    it('issues a personal key within the user, and one with limits left unset (the user\'s apply)', async () => {
      const within = await ok('/key/generate', { key: bounded.key, body: { max_budget: 10, rpm_limit: 50, models: ['gpt-4o'] } });
      expect(within).toMatchObject({ user_id: bounded.userId, max_budget: 10, rpm_limit: 50 });
      expect((await ok('/key/generate', { key: bounded.key, body: {} })).max_budget).toBeNull();
    });

    it("bounds a team key by the team's limits, not the user's", async () => {
      const inTeam = await ok('/key/generate', { key: bounded.key, body: { team_id: ids.red, max_budget: 50 } });
      expect(inTeam.max_budget).toBe(50);
      const aboveTeam = await server.call('/key/generate', { key: bounded.key, body: { team_id: ids.red, max_budget: 101 } });
      expect({ status: aboveTeam.status, param: aboveTeam.body.error?.param }).toEqual({ status: 403, param: 'max_budget' });
      expect(aboveTeam.body.error.message).toContain(`team ${ids.red}`);
      const byTeamAdmin = await server.call('/key/generate', { key: callers.carol, body: { team_id: ids.red, user_id: null, tpm_limit: 20_000 } });
      expect({ status: byTeamAdmin.status, param: byTeamAdmin.body.error?.param }).toEqual({ status: 403, param: 'tpm_limit' });
    });

    it('lets a proxy admin issue any key', async () => {
      const generated = await ok('/key/generate', { key: callers.admin, body: { user_id: bounded.userId, max_budget: 1000, models: ['claude'] } });
      expect(generated.max_budget).toBe(1000);
    });
  });
});
