import { startManagementTestServer, storageTargets, uniqueId, type ManagementTestServer } from './testing-internal/management-test-server.js';

describe.each(storageTargets())('customer routes (%s)', (target) => {
  let server: ManagementTestServer;

  beforeAll(async () => {
    server = await startManagementTestServer(target);
  });

  afterAll(async () => {
    await server.close();
  });

  it('creates, shows, updates and lists customers in LiteLLM shape; changes reach the auth directory at once', async () => {
    const customerId = uniqueId('acme');
    const created = await server.call('/customer/new', {
      body: { user_id: customerId, alias: 'Acme', max_budget: 12.5, budget_duration: '1d', allowed_model_region: 'eu', default_model: 'gpt-4o-mini', rpm_limit: 5 },
    });
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({
      user_id: customerId,
      alias: 'Acme',
      spend: 0,
      blocked: false,
      allowed_model_region: 'eu',
      default_model: 'gpt-4o-mini',
      litellm_budget_table: { max_budget: 12.5, budget_duration: '1d', rpm_limit: 5 },
    });
    expect((await server.authDirectory.customer(customerId))?.maxBudgetNano).toBe(12_500_000_000n);

    const info = await server.call(`/customer/info?end_user_id=${customerId}`);
    expect(info.body).toMatchObject({ user_id: customerId, litellm_budget_table: { max_budget: 12.5 } });
    const updated = await server.call('/customer/update', { body: { user_id: customerId, max_budget: 20, alias: null } });
    expect(updated.body).toMatchObject({ user_id: customerId, alias: null, litellm_budget_table: { max_budget: 20 } });
    expect((await server.authDirectory.customer(customerId))?.maxBudgetNano).toBe(20_000_000_000n);

    const listed = await server.call('/customer/list');
    expect(listed.body.map((customer: { user_id: string }) => customer.user_id)).toContain(customerId);
    const viaAlias = await server.call(`/end_user/info?end_user_id=${customerId}`);
    expect(viaAlias.body.user_id).toBe(customerId);
  });

  it('blocks known and unknown end users and unblocks them, effective at once', async () => {
    const known = uniqueId('known');
    const unknown = uniqueId('unseen');
    await server.call('/customer/new', { body: { user_id: known } });
    expect((await server.authDirectory.customer(known))?.blocked).toBe(false);
    const blocked = await server.call('/customer/block', { body: { user_ids: [known, unknown] } });
    expect(blocked.status).toBe(200);
    expect(blocked.body.blocked_users).toEqual([expect.objectContaining({ user_id: known, blocked: true }), expect.objectContaining({ user_id: unknown, blocked: true })]);
    expect((await server.authDirectory.customer(known))?.blocked).toBe(true);
    expect((await server.authDirectory.customer(unknown))?.blocked).toBe(true);
    const unblocked = await server.call('/end_user/unblock', { body: { user_ids: [known] } });
    expect(unblocked.body.unblocked_users).toEqual([expect.objectContaining({ user_id: known, blocked: false })]);
    expect((await server.authDirectory.customer(known))?.blocked).toBe(false);
  });

  it('deletes customers, all or nothing', async () => {
    const customerId = uniqueId('gone');
    await server.call('/customer/new', { body: { user_id: customerId } });
    const partial = await server.call('/customer/delete', { body: { user_ids: [customerId, uniqueId('ghost')] } });
    expect([partial.status, partial.body.error.param]).toEqual([404, 'user_ids']);
    expect(await server.ledger.customers.get(customerId)).toBeDefined();
    const deleted = await server.call('/customer/delete', { body: { user_ids: [customerId] } });
    expect(deleted.body).toMatchObject({ deleted_customers: 1 });
    const info = await server.call(`/customer/info?end_user_id=${customerId}`);
    expect(info.status).toBe(404);
    expect(info.body.error).toMatchObject({ type: 'not_found_error', param: 'end_user_id' });
  });

  it.each([
    ['/customer/new', { user_id: 'c', max_budget: -1 }, 'max_budget'],
    ['/customer/new', { user_id: 'c', allowed_model_region: 'asia' }, 'allowed_model_region'],
    ['/customer/new', { alias: 'no id' }, 'user_id'],
    ['/customer/new', { user_id: 'c', default_model: 'gpt-9' }, 'default_model'],
    ['/customer/new', { user_id: 'c', budget_id: 'free-tier' }, 'budget_id'],
    ['/customer/block', { user_ids: [] }, 'user_ids'],
  ])('%s refuses %j with a 400 naming %s', async (path, body, param) => {
    const result = await server.call(path, { body });
    expect(result.status).toBe(400);
    expect(result.body.error.param).toBe(param);
  });

  it('refuses a duplicate customer', async () => {
    const customerId = uniqueId('twice');
    await server.call('/customer/new', { body: { user_id: customerId } });
    const again = await server.call('/customer/new', { body: { user_id: customerId } });
    expect([again.status, again.body.error.param]).toEqual([400, 'user_id']);
  });
});
