import { startManagementTestServer, storageTargets, uniqueId, type ManagementTestServer } from './testing-internal/management-test-server.js';

describe.each(storageTargets())('budget routes (%s)', (target) => {
  let server: ManagementTestServer;

  beforeAll(async () => {
    server = await startManagementTestServer(target);
  });

  afterAll(async () => {
    await server.close();
  });

  it('creates, shows, updates, lists and deletes budgets in LiteLLM shape', async () => {
    const budgetId = uniqueId('tier');
    const created = await server.call('/budget/new', {
      body: { budget_id: budgetId, max_budget: 12.5, soft_budget: 10, budget_duration: '30d', rpm_limit: 5, tpm_limit: 100, max_parallel_requests: 2 },
    });
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({
      budget_id: budgetId,
      max_budget: 12.5,
      soft_budget: 10,
      budget_duration: '30d',
      rpm_limit: 5,
      tpm_limit: 100,
      max_parallel_requests: 2,
      model_max_budget: null,
      created_by: 'master_key',
    });
    expect(created.body.budget_reset_at).toEqual(expect.any(String));
    const duplicate = await server.call('/budget/new', { body: { budget_id: budgetId } });
    expect([duplicate.status, duplicate.body.error.param]).toEqual([400, 'budget_id']);

    const updated = await server.call('/budget/update', { body: { budget_id: budgetId, max_budget: 20, rpm_limit: null } });
    expect(updated.body).toMatchObject({ budget_id: budgetId, max_budget: 20, rpm_limit: null, tpm_limit: 100 });
    const info = await server.call('/budget/info', { body: { budgets: [budgetId] } });
    expect(info.body).toEqual([expect.objectContaining({ budget_id: budgetId, max_budget: 20 })]);
    const missing = await server.call('/budget/info', { body: { budgets: [budgetId, uniqueId('ghost')] } });
    expect(missing.status).toBe(404);
    expect(missing.body.error).toMatchObject({ type: 'not_found_error', param: 'budgets' });

    const generated = await server.call('/budget/new', { body: { max_budget: 1 } });
    expect(generated.body.budget_id).toMatch(/^[0-9a-f-]{36}$/);
    const listed = await server.call('/budget/list');
    expect(listed.body.map((budget: { budget_id: string }) => budget.budget_id)).toEqual(expect.arrayContaining([budgetId, generated.body.budget_id]));

    const deleted = await server.call('/budget/delete', { body: { id: budgetId } });
    expect(deleted.body).toMatchObject({ budget_id: budgetId });
    expect((await server.call('/budget/delete', { body: { id: budgetId } })).status).toBe(404);
  });

  it('links customers by budget_id; a budget change reaches the auth directory at once; a linked budget is not deleted', async () => {
    const budgetId = uniqueId('tier');
    const customerId = uniqueId('acme');
    await server.call('/budget/new', { body: { budget_id: budgetId, max_budget: 2, rpm_limit: 3 } });
    const created = await server.call('/end_user/new', { body: { user_id: customerId, budget_id: budgetId, tpm_limit: 50 } });
    expect(created.body).toMatchObject({ user_id: customerId, budget_id: budgetId, litellm_budget_table: { max_budget: null, tpm_limit: 50 } });
    expect(await server.authDirectory.customer(customerId)).toMatchObject({ maxBudgetNano: 2_000_000_000n, rpmLimit: 3, tpmLimit: 50 });

    await server.call('/budget/update', { body: { budget_id: budgetId, max_budget: 4, tpm_limit: 9 } });
    expect(await server.authDirectory.customer(customerId)).toMatchObject({ maxBudgetNano: 4_000_000_000n, tpmLimit: 50 });

    const refused = await server.call('/budget/delete', { body: { id: budgetId } });
    expect([refused.status, refused.body.error.param]).toEqual([400, 'id']);
    const unlinked = await server.call('/customer/update', { body: { user_id: customerId, budget_id: null } });
    expect(unlinked.body.budget_id).toBeNull();
    expect((await server.authDirectory.customer(customerId))?.maxBudgetNano).toBeNull();
    expect((await server.call('/budget/delete', { body: { id: budgetId } })).status).toBe(200);
  });

  it('is for proxy admins only', async () => {
    const user = uniqueId('viewer');
    const issued = await server.call('/user/new', { body: { user_id: user, user_role: 'proxy_admin_viewer', auto_create_key: true } });
    for (const [path, body] of [
      ['/budget/new', { budget_id: uniqueId('x') }],
      ['/budget/info', { budgets: ['x'] }],
      ['/budget/list', undefined],
    ] as const) {
      const result = await server.call(path, { key: issued.body.key, ...(body === undefined ? {} : { body }) });
      expect([path, result.status, result.body.error.type]).toEqual([path, 403, expect.any(String)]);
    }
  });

  it.each([
    ['/budget/new', { budget_id: 'b', max_budget: -1 }, 'max_budget'],
    ['/budget/new', { budget_id: 'b', rpm_limit: 1.5 }, 'rpm_limit'],
    ['/budget/new', { budget_id: 'b', budget_duration: 'soon' }, 'budget_duration'],
    ['/budget/new', { budget_id: 'b', model_max_budget: { 'gpt-4o': { max_budget: 1 } } }, 'model_max_budget'],
    ['/budget/update', { max_budget: 1 }, 'budget_id'],
    ['/budget/update', { budget_id: 'never-made', max_budget: 1 }, 'budget_id'],
    ['/budget/info', { budgets: [] }, 'budgets'],
    ['/budget/delete', {}, 'id'],
  ])('%s refuses %j naming %s', async (path, body, param) => {
    const result = await server.call(path, { body });
    expect(result.status).toBeGreaterThanOrEqual(400);
    expect(result.status).toBeLessThan(500);
    expect(result.body.error.param).toBe(param);
  });
});
