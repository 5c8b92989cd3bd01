import { nanoUsdToUsd, usdToNanoUsd } from '@tollgate/core';
import { startManagementTestServer, storageTargets, uniqueId, type ManagementTestServer } from './testing-internal/management-test-server.js';

interface IssuedKey {
  key: string;
  token: string;
}

describe.each(storageTargets())('spend routes (%s)', (target) => {
  let server: ManagementTestServer;
  const ids = { ada: uniqueId('ada'), bob: uniqueId('bob'), red: uniqueId('red'), blue: uniqueId('blue'), acme: uniqueId('acme'), globex: uniqueId('globex') };
  const requestIds = { first: uniqueId('req'), second: uniqueId('req'), third: uniqueId('req'), fourth: uniqueId('req') };
  let adaRed: IssuedKey;
  let bobBlue: IssuedKey;
  let adaPersonal: IssuedKey;

  async function generate(body: Record<string, unknown>): Promise<IssuedKey> {
    return (await server.call('/key/generate', { body })).body;
  }

  function event(options: { requestId: string; key: IssuedKey; costUsdNano: string; model: string; day: string; userId: string; teamId?: string; endUser?: string }) {
    return {
      schema_version: 1 as const,
      request_id: options.requestId,
      call_type: 'acompletion',
      api_key: options.key.token,
      cost_nano: options.costUsdNano,
      prompt_tokens: 100,
      completion_tokens: 20,
      start_time: `${options.day}T10:00:00.000Z`,
      end_time: `${options.day}T10:00:01.000Z`,
      model: options.model,
      model_group: options.model,
      user_id: options.userId,
      team_id: options.teamId ?? null,
      end_user: options.endUser ?? null,
      status: 'success' as const,
    };
  }

  beforeAll(async () => {
    server = await startManagementTestServer(target);
    await server.call('/team/new', { body: { team_id: ids.red, team_alias: 'Red', members_with_roles: [{ user_id: ids.ada, role: 'user' }] } });
    await server.call('/team/new', { body: { team_id: ids.blue, members_with_roles: [{ user_id: ids.bob, role: 'user' }] } });
    adaRed = await generate({ user_id: ids.ada, team_id: ids.red });
    bobBlue = await generate({ user_id: ids.bob, team_id: ids.blue });
    adaPersonal = await generate({ user_id: ids.ada });
    await server.ledger.applySpendEvents([
      event({ requestId: requestIds.first, key: adaRed, costUsdNano: '100000000', model: 'gpt-4o', day: '2024-05-01', userId: ids.ada, teamId: ids.red, endUser: ids.acme }),
      event({ requestId: requestIds.second, key: bobBlue, costUsdNano: '250000000', model: 'claude', day: '2024-05-01', userId: ids.bob, teamId: ids.blue, endUser: ids.globex }),
      event({ requestId: requestIds.third, key: adaRed, costUsdNano: '50000000', model: 'gpt-4o-mini', day: '2024-05-02', userId: ids.ada, teamId: ids.red, endUser: ids.acme }),
      event({ requestId: requestIds.fourth, key: adaPersonal, costUsdNano: '1000000000', model: 'gpt-4o', day: '2024-05-02', userId: ids.ada }),
    ]);
  });

  afterAll(async () => {
    await server.close();
  });

  const requestIdsOf = (rows: Array<{ request_id: string }>) => rows.map((row) => row.request_id).sort();

  it('returns spend-log rows filtered by key (raw or hash), user and request id', async () => {
    const byRawKey = await server.call(`/spend/logs?api_key=${encodeURIComponent(adaRed.key)}`);
    expect(byRawKey.status).toBe(200);
    expect(requestIdsOf(byRawKey.body)).toEqual([requestIds.first, requestIds.third].sort());
    expect(byRawKey.body[0]).toMatchObject({ api_key: adaRed.token, team_id: ids.red, user: ids.ada, call_type: 'acompletion' });
    expect(JSON.stringify(byRawKey.body)).not.toContain(adaRed.key);
    const byHash = await server.call(`/spend/logs?api_key=${adaRed.token}`);
    expect(requestIdsOf(byHash.body)).toEqual(requestIdsOf(byRawKey.body));
    const byUser = await server.call(`/spend/logs?user_id=${ids.ada}`);
    expect(requestIdsOf(byUser.body)).toEqual([requestIds.first, requestIds.third, requestIds.fourth].sort());
    const byRequest = await server.call(`/spend/logs?request_id=${requestIds.second}`);
    expect(byRequest.body).toEqual([expect.objectContaining({ request_id: requestIds.second, spend: 0.25, model: 'claude', end_user: ids.globex })]);
  });

  it('summarizes a date range by day, user, model and key, or returns its rows with summarize=false', async () => {
    const summary = await server.call('/spend/logs?start_date=2024-05-01&end_date=2024-05-02');
    expect(summary.status).toBe(200);
    expect(summary.body).toEqual([
      {
        startTime: '2024-05-01',
        spend: 0.35,
        users: { [ids.ada]: 0.1, [ids.bob]: 0.25 },
        models: { 'gpt-4o': 0.1, claude: 0.25 },
        [adaRed.token]: 0.1,
        [bobBlue.token]: 0.25,
      },
      {
        startTime: '2024-05-02',
        spend: 1.05,
        users: { [ids.ada]: 1.05 },
        models: { 'gpt-4o-mini': 0.05, 'gpt-4o': 1 },
        [adaRed.token]: 0.05,
        [adaPersonal.token]: 1,
      },
    ]);
    const rows = await server.call('/spend/logs?start_date=2024-05-02&end_date=2024-05-02&summarize=false');
    expect(requestIdsOf(rows.body)).toEqual([requestIds.third, requestIds.fourth].sort());
    const keySummary = await server.call(`/spend/logs?start_date=2024-05-01&end_date=2024-05-02&api_key=${adaRed.token}&summarize=true`);
    expect(keySummary.body.map((day: { spend: number }) => day.spend)).toEqual([0.1, 0.05]);
  });

  it('reports daily spend grouped by team, customer, key, user and model', async () => {
    const range = 'start_date=2024-05-01&end_date=2024-05-02';
    const byTeam = await server.call(`/global/spend/report?${range}&group_by=team`);
    expect(byTeam.status).toBe(200);
    expect(byTeam.body).toEqual([
      {
        group_by_day: '2024-05-01T00:00:00+00:00',
        teams: expect.arrayContaining([
          expect.objectContaining({ team_name: 'Red', team_id: ids.red, total_spend: 0.1, metadata: [{ model: 'gpt-4o', spend: 0.1, total_tokens: 120, api_key: adaRed.token }] }),
          expect.objectContaining({ team_name: ids.blue, team_id: ids.blue, total_spend: 0.25 }),
        ]),
      },
      {
        group_by_day: '2024-05-02T00:00:00+00:00',
        teams: expect.arrayContaining([
          expect.objectContaining({ team_name: 'Unassigned Team', team_id: null, total_spend: 1 }),
          expect.objectContaining({ team_name: 'Red', total_spend: 0.05 }),
        ]),
      },
    ]);
    expect(byTeam.body[0].teams).toHaveLength(2);
    expect(byTeam.body[1].teams).toHaveLength(2);

    const totals = async (groupBy: string, list: string, name: string): Promise<Record<string, number>> => {
      const report = await server.call(`/global/spend/report?${range}&group_by=${groupBy}`);
      expect(report.status).toBe(200);
      const sums: Record<string, bigint> = {};
      for (const day of report.body) for (const group of day[list]) sums[group[name]] = (sums[group[name]] ?? 0n) + usdToNanoUsd(group.total_spend);
      return Object.fromEntries(Object.entries(sums).map(([key, nano]) => [key, nanoUsdToUsd(nano)]));
    };
    expect(await totals('customer', 'customers', 'customer')).toEqual({ [ids.acme]: 0.15, [ids.globex]: 0.25 });
    expect(await totals('api_key', 'api_keys', 'api_key')).toEqual({ [adaRed.token]: 0.15, [bobBlue.token]: 0.25, [adaPersonal.token]: 1 });
    expect(await totals('user', 'users', 'user_id')).toEqual({ [ids.ada]: 1.15, [ids.bob]: 0.25 });
    expect(await totals('model', 'models', 'model')).toEqual({ 'gpt-4o': 1.1, 'gpt-4o-mini': 0.05, claude: 0.25 });
  });

  it("answers with LiteLLM's per-key report when filtered by key or internal user", async () => {
    const byUser = await server.call(`/global/spend/report?start_date=2024-05-01&end_date=2024-05-02&internal_user_id=${ids.ada}`);
    expect(byUser.status).toBe(200);
    expect(byUser.body).toEqual(
      expect.arrayContaining([
        { api_key: adaRed.token, total_cost: 0.15, total_input_tokens: 200, total_output_tokens: 40, model_details: expect.any(Array) },
        expect.objectContaining({ api_key: adaPersonal.token, total_cost: 1 }),
      ]),
    );
    expect(byUser.body).toHaveLength(2);
    const byKey = await server.call(`/global/spend/report?start_date=2024-05-01&end_date=2024-05-02&api_key=${encodeURIComponent(bobBlue.key)}`);
    expect(byKey.body).toEqual([expect.objectContaining({ api_key: bobBlue.token, total_cost: 0.25 })]);
  });

  it("shows a non-admin only their own spend", async () => {
    const own = await server.call('/spend/logs', { key: adaRed.key });
    expect(own.status).toBe(200);
    expect(requestIdsOf(own.body)).toEqual([requestIds.first, requestIds.third, requestIds.fourth].sort());
    const ownKey = await server.call(`/spend/logs?api_key=${adaPersonal.token}`, { key: adaRed.key });
    expect(requestIdsOf(ownKey.body)).toEqual([requestIds.fourth]);
    const othersKey = await server.call(`/spend/logs?api_key=${bobBlue.token}`, { key: adaRed.key });
    expect([othersKey.status, othersKey.body.error.param]).toEqual([403, 'api_key']);
    const othersUser = await server.call(`/spend/logs?user_id=${ids.bob}`, { key: adaRed.key });
    expect([othersUser.status, othersUser.body.error.param]).toEqual([403, 'user_id']);
    const summary = await server.call('/spend/logs?start_date=2024-05-01&end_date=2024-05-01', { key: bobBlue.key });
    expect(summary.body).toEqual([expect.objectContaining({ spend: 0.25, users: { [ids.bob]: 0.25 } })]);
  });

  it.each([
    ['/spend/logs?start_date=2024-05-01', 'end_date'],
    ['/spend/logs?start_date=2024-13-01&end_date=2024-13-02', 'start_date'],
    ['/spend/logs?start_date=may&end_date=june', 'start_date'],
    ['/spend/logs?summarize=maybe', 'summarize'],
    ['/global/spend/report?start_date=2024-05-01', 'end_date'],
    ['/global/spend/report?start_date=2024-05-03&end_date=2024-05-01', 'start_date'],
    ['/global/spend/report?start_date=2024-05-01&end_date=2024-05-02&group_by=planet', 'group_by'],
    ['/global/spend/report?start_date=2024-05-01&end_date=2024-05-02&limit=5', 'limit'],
  ])('%s is a 400 naming %s', async (path, param) => {
    const result = await server.call(path);
    expect(result.status).toBe(400);
    expect(result.body.error.param).toBe(param);
  });
});
