import { NotFoundError } from '@tollgate/core';
import { ledgerTestTargets, type TestLedger } from '../testing-internal/ledger-test-targets.js';
import { CustomerStore } from './customer-store.js';

describe.each(ledgerTestTargets())('CustomerStore on $name', (target) => {
  let ledger: TestLedger;
  let customers: CustomerStore;
  let now: Date;

  beforeEach(async () => {
    ledger = await target.open();
    now = new Date('2024-05-15T10:30:00Z');
    customers = new CustomerStore(ledger.db, { clock: () => now });
  });
  afterEach(() => ledger.close());

  it('creates, reads, updates, blocks, lists and deletes customers', async () => {
    const created = await customers.create({ userId: 'acme', alias: 'ACME', maxBudgetNano: 5n, budgetDuration: '1d', allowedModelRegion: 'eu' });
    expect(created).toMatchObject({ userId: 'acme', alias: 'ACME', blocked: false, allowedModelRegion: 'eu', spendNano: 0n });
    expect(await customers.get('acme')).toEqual(created);
    await expect(customers.create({ userId: 'acme' })).rejects.toMatchObject({ status: 400 });
    await expect(customers.create({ userId: 'x', allowedModelRegion: 'mars' as 'eu' })).rejects.toMatchObject({ param: 'allowed_model_region' });
    expect((await customers.update('acme', { defaultModel: 'gpt-4o', alias: null })).defaultModel).toBe('gpt-4o');
    await expect(customers.update('ghost', { alias: 'x' })).rejects.toBeInstanceOf(NotFoundError);
    await expect(customers.getOrThrow('ghost')).rejects.toThrow('End User Id=ghost does not exist in db');
    now = new Date(now.getTime() + 1);
    await customers.create({ userId: 'beta' });
    expect(await customers.setBlocked(['acme', 'ghost'], true)).toEqual(['acme']);
    expect((await customers.get('acme'))?.blocked).toBe(true);
    const page = await customers.list({ pageSize: 1 });
    expect(page).toMatchObject({ total: 2, totalPages: 2 });
    expect(page.customers.map((customer) => customer.userId)).toEqual(['acme']);
    expect(await customers.delete(['acme'])).toEqual(['acme']);
    expect((await customers.list()).customers.map((customer) => customer.userId)).toEqual(['beta']);
  });
});
