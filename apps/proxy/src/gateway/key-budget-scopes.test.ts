import { applySpendEvents, openLedger, type KeyRecord, type Ledger } from '@tollgate/ledger';
import { scopesOfRequest } from './scopes-of-request.js';
import { createBudgetSeeder } from './seed-budget-counter.js';

const NOW_MS = Date.parse('2024-05-15T10:30:00Z');

const virtual = (key: KeyRecord) => ({ kind: 'virtual' as const, tokenHash: key.tokenHash, key, user: undefined, team: undefined, membership: undefined });
const keyScopesOf = (key: KeyRecord) =>
  scopesOfRequest({ auth: virtual(key), customer: undefined, modelGroup: 'gpt-4o', globalBudget: undefined, nowMs: NOW_MS, timezone: 'UTC' })
    .map((limits) => limits.scope)
    .filter((scope) => scope.kind === 'key' || scope.kind === 'model_per_key');

const spendEvent = (requestId: string, apiKey: string, costNano: string) => ({
  schema_version: 1 as const,
  request_id: requestId,
  api_key: apiKey,
  call_type: 'acompletion',
  cost_nano: costNano,
  prompt_tokens: 10,
  completion_tokens: 5,
  start_time: new Date(NOW_MS - 60_000).toISOString(),
  end_time: new Date(NOW_MS - 59_000).toISOString(),
  model: 'gpt-4o-2024-08-06',
  model_group: 'gpt-4o',
  provider: 'openai',
  status: 'success' as const,
});

describe("a key's live-counter scopes and their seeds follow the key's stable id", () => {
  let ledger: Ledger;
  beforeEach(async () => {
    ledger = await openLedger({ url: ':memory:' });
  });
  afterEach(() => ledger.close());

  it('names the key and per-model scopes by key id, the same before and after regeneration', async () => {
    const created = await ledger.keys.create({ maxBudgetNano: 1_000n, modelMaxBudget: { 'gpt-4o': { maxBudgetNano: 500n, budgetDuration: null } } });
    const regenerated = await ledger.keys.regenerate(created.key);
    const before = keyScopesOf(created.record);
    expect(before).toEqual([
      { kind: 'key', id: created.record.keyId },
      { kind: 'model_per_key', id: `${created.record.keyId}/gpt-4o` },
    ]);
    expect(keyScopesOf(regenerated.record)).toEqual(before);
    expect(JSON.stringify(before)).not.toContain(created.record.tokenHash);
  });

  it('seeds a key counter with the spend logged under every hash the key has had', async () => {
    let issued = await ledger.keys.create({ maxBudgetNano: 1_000n });
    await applySpendEvents(ledger.db, [spendEvent('r1', issued.record.tokenHash, '100')]);
    issued = await ledger.keys.regenerate(issued.key);
    await applySpendEvents(ledger.db, [spendEvent('r2', issued.record.tokenHash, '20')]);
    issued = await ledger.keys.regenerate(issued.key);
    const seed = createBudgetSeeder(ledger);
    const allTime = { windowId: 'total', maxNano: 1_000, windowStartMs: 0, resetAtMs: null };
    expect(await seed({ kind: 'key', id: issued.record.keyId }, allTime)).toBe(120n);
    expect(await seed({ kind: 'model_per_key', id: `${issued.record.keyId}/gpt-4o` }, allTime)).toBe(120n);
    expect(await seed({ kind: 'model_per_key', id: `${issued.record.keyId}/claude` }, allTime)).toBe(0n);
  });
});
