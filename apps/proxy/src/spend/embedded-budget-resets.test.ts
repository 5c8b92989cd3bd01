import { openLedger } from '@tollgate/ledger';
import { startEmbeddedBudgetResets } from './embedded-budget-resets.js';

describe('startEmbeddedBudgetResets', () => {
  it("moves a key's budget_reset_at forward once its window ended, and says so", async () => {
    let now = new Date('2026-01-10T12:00:00Z');
    const ledger = await openLedger({ url: ':memory:', clock: () => now });
    const issued = await ledger.keys.create({ maxBudgetNano: 1_000_000_000n, budgetDuration: '1d' });
    expect(issued.record.budgetResetAt?.toISOString()).toBe('2026-01-11T00:00:00.000Z');
    now = new Date('2026-01-12T08:00:00Z'); // two windows later
    const resets: unknown[] = [];
    const logger = { info: () => undefined, warn: () => undefined };
    const scheduler = startEmbeddedBudgetResets({ ledger, timezone: 'UTC', logger, clock: () => now, everyMs: 20, onReset: (result) => resets.push(result) });
    for (let waited = 0; waited < 2_000 && resets.length === 0; waited += 10) await new Promise((resolve) => setTimeout(resolve, 10));
    await scheduler.stop();
    expect(resets[0]).toMatchObject({ keys: 1 });
    expect((await ledger.keys.getOrThrow(issued.key)).budgetResetAt?.toISOString()).toBe('2026-01-13T00:00:00.000Z');
    await ledger.close();
  });

  it('logs a failed run and keeps the schedule', async () => {
    const ledger = await openLedger({ url: ':memory:' });
    await ledger.close(); // every run now fails
    const warnings: string[] = [];
    const scheduler = startEmbeddedBudgetResets({ ledger, timezone: 'UTC', everyMs: 10, logger: { info: () => undefined, warn: (_fields: object, message: string) => void warnings.push(message) } });
    for (let waited = 0; waited < 2_000 && warnings.length < 2; waited += 10) await new Promise((resolve) => setTimeout(resolve, 10));
    await scheduler.stop();
    expect(warnings.length).toBeGreaterThanOrEqual(2);
  });
});
