import { startManagementTestServer, storageTargets, uniqueId, type ManagementTestServer } from './testing-internal/management-test-server.js';

/**
 * Every management route answers with a body its response schema accepts: the test server checks each reply
 * against `route.response` (a reply outside it is a 500), and this walk calls every route with real data.
 */
describe.each(storageTargets())('management replies match their response schemas (%s)', (target) => {
  let server: ManagementTestServer;

  beforeAll(async () => {
    server = await startManagementTestServer(target);
  });

  afterAll(async () => {
    await server.close();
  });

  async function ok(path: string, body?: unknown): Promise<unknown> {
    const reply = await server.call(path, body === undefined ? {} : { body });
    if (reply.status !== 200) throw new Error(`${path} answered ${reply.status}: ${JSON.stringify(reply.body)}`);
    return reply.body;
  }

  it('calls every route and each reply passes its schema', async () => {
    const ids = { ada: uniqueId('ada'), bob: uniqueId('bob'), red: uniqueId('red'), acme: uniqueId('acme'), request: uniqueId('req') };

    await ok('/user/new', { user_id: ids.ada, user_email: `${ids.ada}@example.com`, max_budget: 10, auto_create_key: true });
    await ok('/user/new', { user_id: ids.bob });
    await ok('/team/new', { team_id: ids.red, team_alias: 'Red', max_budget: 50, members_with_roles: [{ user_id: ids.ada, role: 'admin' }] });
    await ok('/team/member_add', { team_id: ids.red, member: { user_id: ids.bob, role: 'user' } });
    await ok('/team/member_update', { team_id: ids.red, user_id: ids.bob, max_budget_in_team: 2 });
    await ok('/team/update', { team_id: ids.red, tpm_limit: 1000 });

    const issued = (await ok('/key/generate', { user_id: ids.ada, team_id: ids.red, max_budget: 5, budget_duration: '30d', models: ['gpt-4o'] })) as {
      key: string;
      token: string;
    };
    await ok('/key/service-account/generate', { team_id: ids.red, key_alias: uniqueId('bot') });
    await ok('/key/update', { key: issued.token, metadata: { owner: 'ada' } });
    await ok('/key/bulk_update', { keys: [{ key: issued.token, tpm_limit: 500 }, { key: 'sk-not-a-key-0000', tpm_limit: 1 }] });
    await ok('/key/block', { key: issued.token });
    await ok('/key/unblock', { key: issued.token });

    const tier = uniqueId('tier');
    await ok('/budget/new', { budget_id: tier, max_budget: 3, budget_duration: '30d', rpm_limit: 10 });
    await ok('/budget/update', { budget_id: tier, tpm_limit: 1000 });
    await ok('/budget/info', { budgets: [tier] });
    await ok('/budget/list');
    await ok('/customer/new', { user_id: ids.acme, max_budget: 3, allowed_model_region: 'eu', budget_id: tier });
    await ok('/customer/update', { user_id: ids.acme, alias: 'Acme' });
    await ok('/customer/block', { user_ids: [ids.acme] });
    await ok('/customer/unblock', { user_ids: [ids.acme] });
    await ok(`/customer/info?end_user_id=${ids.acme}`);
    await ok('/customer/list');

    await server.ledger.applySpendEvents([
      {
        schema_version: 1,
        request_id: ids.request,
        call_type: 'acompletion',
        api_key: issued.token,
        cost_nano: '120000000',
        prompt_tokens: 100,
        completion_tokens: 20,
        start_time: '2024-05-01T10:00:00.000Z',
        end_time: '2024-05-01T10:00:01.000Z',
        model: 'gpt-4o',
        model_group: 'gpt-4o',
        user_id: ids.ada,
        team_id: ids.red,
        end_user: ids.acme,
        status: 'success',
      },
    ]);
    expect(await ok('/spend/logs?start_date=2024-05-01&end_date=2024-05-01')).toHaveLength(1);
    expect(await ok(`/spend/logs?request_id=${ids.request}&summarize=false`)).toHaveLength(1);
    for (const groupBy of ['team', 'customer', 'api_key', 'user', 'model', 'model_group']) {
      expect(await ok(`/global/spend/report?start_date=2024-05-01&end_date=2024-05-01&group_by=${groupBy}`)).toHaveLength(1);
    }
    expect(await ok(`/global/spend/report?start_date=2024-05-01&end_date=2024-05-01&api_key=${issued.token}`)).toHaveLength(1);

    await ok(`/key/info?key=${issued.token}`);
    await ok('/v2/key/info', { keys: [issued.token] });
    await ok('/key/list?return_full_object=true');
    await ok('/key/list');
    await ok(`/user/info?user_id=${ids.ada}`);
    await ok('/user/update', { user_id: ids.bob, max_budget: 4 });
    await ok('/user/bulk_update', { users: [{ user_id: ids.bob, user_alias: 'Bob' }, { user_id: uniqueId('nobody'), user_alias: 'x' }] });
    await ok('/user/list');
    await ok(`/team/info?team_id=${ids.red}`);
    await ok('/team/list');
    await ok('/team/block', { team_id: ids.red });
    await ok('/team/unblock', { team_id: ids.red });

    const regenerated = (await ok('/key/regenerate', { key: issued.token })) as { token: string };
    await ok('/key/delete', { keys: [regenerated.token] });
    await ok('/team/member_delete', { team_id: ids.red, user_id: ids.bob });
    await ok('/customer/delete', { user_ids: [ids.acme] });
    await ok('/budget/delete', { id: tier });
    await ok('/team/delete', { team_ids: [ids.red] });
    await ok('/user/delete', { user_ids: [ids.ada, ids.bob] });

    expect([...server.answeredRoutes].sort()).toEqual([...server.routePaths].sort());
  }, 60_000);
});
