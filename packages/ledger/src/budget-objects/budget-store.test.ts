import { NotFoundError } from '@tollgate/core';
import { CustomerStore } from '../customers/customer-store.js';
import { ledgerTestTargets, type TestLedger } from '../testing-internal/ledger-test-targets.js';
import { BudgetStore } from './budget-store.js';

describe.each(ledgerTestTargets())('BudgetStore on $name', (target) => {
  let ledger: TestLedger;
  let budgets: BudgetStore;
  let customers: CustomerStore;
  const now = new Date('2024-05-15T10:30:00Z');

  beforeEach(async () => {
    ledger = await target.open();
    budgets = new BudgetStore(ledger.db, { clock: () => now });
    customers = new CustomerStore(ledger.db, { clock: () => now });
  });
  afterEach(() => ledger.close());

  it('creates, reads, updates, lists and deletes budgets', async () => {
    const created = await budgets.create({ budgetId: 'free', maxBudgetNano: 5n, budgetDuration: '1d', rpmLimit: 3, changedBy: 'admin' });
    expect(created).toMatchObject({ budgetId: 'free', maxBudgetNano: 5n, rpmLimit: 3, tpmLimit: null, createdBy: 'admin', updatedBy: 'admin' });
    expect(created.budgetResetAt).toEqual(new Date('2024-05-16T00:00:00Z'));
    await expect(budgets.create({ budgetId: 'free' })).rejects.toMatchObject({ status: 400, param: 'budget_id' });
    await expect(budgets.create({ budgetId: 'bad', rpmLimit: -1 })).rejects.toMatchObject({ status: 400, param: 'rpm_limit' });
    const updated = await budgets.update('free', { maxBudgetNano: 7n, rpmLimit: null, changedBy: 'ops' });
    expect(updated).toMatchObject({ maxBudgetNano: 7n, rpmLimit: null, budgetDuration: '1d', createdBy: 'admin', updatedBy: 'ops' });
    await expect(budgets.update('ghost', { rpmLimit: 1 })).rejects.toBeInstanceOf(NotFoundError);
    await budgets.create({ budgetId: 'pro' });
    expect((await budgets.getMany(['pro', 'free'])).map((budget) => budget.budgetId)).toEqual(['pro', 'free']);
    await expect(budgets.getMany(['free', 'ghost'])).rejects.toMatchObject({ status: 404, param: 'budgets' });
    expect((await budgets.list()).map((budget) => budget.budgetId)).toEqual(['free', 'pro']);
    expect((await budgets.delete('pro')).budgetId).toBe('pro');
    await expect(budgets.delete('pro')).rejects.toMatchObject({ status: 404, param: 'id' });
    expect(await budgets.get('pro')).toBeUndefined();
  });

  it('links customers to existing budgets only and keeps a linked budget from being deleted', async () => {
    await expect(customers.create({ userId: 'acme', budgetId: 'ghost' })).rejects.toMatchObject({ status: 400, param: 'budget_id' });
    await budgets.create({ budgetId: 'free', maxBudgetNano: 5n });
    expect((await customers.create({ userId: 'acme', budgetId: 'free' })).budgetId).toBe('free');
    await expect(budgets.delete('free')).rejects.toMatchObject({ status: 400, param: 'id' });
    await expect(customers.update('acme', { budgetId: 'ghost' })).rejects.toMatchObject({ param: 'budget_id' });
    await customers.update('acme', { budgetId: null });
    expect((await budgets.delete('free')).budgetId).toBe('free');
  });

  it('holds a customer read for a call to its budget where its own fields are unset, reading budget changes', async () => {
    await budgets.create({ budgetId: 'tier', maxBudgetNano: 5n, budgetDuration: '7d', softBudgetNano: 4n, rpmLimit: 10, tpmLimit: 1000, maxParallelRequests: 2 });
    await customers.create({ userId: 'plain', budgetId: 'tier' });
    await customers.create({ userId: 'own', budgetId: 'tier', maxBudgetNano: 9n, budgetDuration: '1d', rpmLimit: 1 });
    await customers.create({ userId: 'unlinked' });
    expect(await customers.getForCall('plain')).toMatchObject({
      maxBudgetNano: 5n,
      budgetDuration: '7d',
      softBudgetNano: 4n,
      rpmLimit: 10,
      tpmLimit: 1000,
      maxParallelRequests: 2,
      spendNano: 0n,
    });
    expect((await customers.get('plain'))?.maxBudgetNano).toBeNull();
    expect(await customers.getForCall('own')).toMatchObject({ maxBudgetNano: 9n, budgetDuration: '1d', rpmLimit: 1, tpmLimit: 1000 });
    expect(await customers.getForCall('unlinked')).toMatchObject({ maxBudgetNano: null, rpmLimit: null });
    expect(await customers.getForCall('ghost')).toBeUndefined();
    await budgets.update('tier', { maxBudgetNano: 8n });
    expect((await customers.getForCall('plain'))?.maxBudgetNano).toBe(8n);
  });
});
