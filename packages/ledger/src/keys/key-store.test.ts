import { BadRequestError, NotFoundError } from '@tollgate/core';
import { ledgerTestTargets, type TestLedger } from '../testing-internal/ledger-test-targets.js';
import { hashApiKey } from './api-key.js';
import { KeyStore } from './key-store.js';

const NOW = new Date('2024-05-15T10:30:00Z');

describe.each(ledgerTestTargets())('KeyStore on $name', (target) => {
  let ledger: TestLedger;
  let now: Date;
  let keys: KeyStore;

  beforeEach(async () => {
    ledger = await target.open();
    now = NOW;
    keys = new KeyStore(ledger.db, { clock: () => now, timezone: 'UTC' });
  });
  afterEach(() => ledger.close());

  it('creates a key, stores only its hash and display name, and reads it back by key or hash', async () => {
    const { key, record } = await keys.create({
      keyAlias: 'ci',
      userId: 'u1',
      teamId: 't1',
      models: ['gpt-4o', 'anthropic/*'],
      aliases: { 'gpt-3.5-turbo': 'my-free-tier' },
      maxBudgetNano: 5_000_000_000n,
      budgetDuration: '30d',
      rpmLimit: 60,
      modelMaxBudget: { 'gpt-4o': { maxBudgetNano: 1_000_000_000n, budgetDuration: '1d' } },
      budgetLimits: [{ budgetDuration: '24h', maxBudgetNano: 10_000_000_000n }],
      modelTpmLimit: { 'gpt-4o': 1000 },
      metadata: { owner: 'platform' },
      duration: '7d',
      createdBy: 'master_key',
    });
    expect(key).toMatch(/^sk-[A-Za-z0-9_-]{22}$/);
    expect(record.tokenHash).toBe(hashApiKey(key));
    expect(record.keyName).toBe(`sk-...${key.slice(-4)}`);
    expect(record.budgetResetAt?.toISOString()).toBe('2024-06-01T00:00:00.000Z');
    expect(record.expires?.toISOString()).toBe('2024-05-22T10:30:00.000Z');
    expect(record.spendNano).toBe(0n);
    expect(record.blocked).toBe(false);
    expect(await keys.get(key)).toEqual(record);
    expect(await keys.get(record.tokenHash)).toEqual(record);
    expect(record).toMatchObject({
      keyAlias: 'ci',
      models: ['gpt-4o', 'anthropic/*'],
      modelMaxBudget: { 'gpt-4o': { maxBudgetNano: 1_000_000_000n, budgetDuration: '1d' } },
      budgetLimits: [{ budgetDuration: '24h', maxBudgetNano: 10_000_000_000n }],
      modelTpmLimit: { 'gpt-4o': 1000 },
      metadata: { owner: 'platform' },
      rpmLimit: 60,
      keyType: 'default',
    });
    const raw = await ledger.db.selectFrom('keys').selectAll().execute();
    expect(JSON.stringify(raw, (_k, value: unknown) => (typeof value === 'bigint' ? String(value) : value))).not.toContain(key);
  });

  it('refuses bad input with 400s naming the field', async () => {
    await expect(keys.create({ key: 'not-a-key-12345' })).rejects.toThrow(/must start with 'sk-'/);
    await expect(keys.create({ maxBudgetNano: -1n })).rejects.toMatchObject({ param: 'max_budget', status: 400 });
    await expect(keys.create({ budgetDuration: '1 day' })).rejects.toMatchObject({ param: 'budget_duration' });
    await expect(keys.create({ rpmLimit: 1.5 })).rejects.toBeInstanceOf(BadRequestError);
  });

  it('refuses duplicate aliases and duplicate keys', async () => {
    await keys.create({ keyAlias: 'dup', key: 'sk-duplicate-key-1' });
    await expect(keys.create({ keyAlias: 'dup' })).rejects.toThrow("Key with alias 'dup' already exists.");
    await expect(keys.create({ key: 'sk-duplicate-key-1' })).rejects.toThrow('Key already exists.');
  });

  it('updates fields, clears with null, recomputes windows and expiry, and 404s on unknown keys', async () => {
    const { key } = await keys.create({ maxBudgetNano: 1n, budgetDuration: '1d', duration: '1h' });
    now = new Date('2024-05-16T12:00:00Z');
    const updated = await keys.update(key, { maxBudgetNano: null, budgetDuration: '7d', duration: null, spendNano: 42n, keyAlias: 'renamed' });
    expect(updated).toMatchObject({ maxBudgetNano: null, budgetDuration: '7d', expires: null, spendNano: 42n, keyAlias: 'renamed' });
    expect(updated.budgetResetAt?.toISOString()).toBe('2024-05-20T00:00:00.000Z');
    expect(updated.updatedAt).toEqual(now);
    expect(updated.createdAt).toEqual(NOW);
    await expect(keys.update('sk-missing-key-000', { blocked: true })).rejects.toBeInstanceOf(NotFoundError);
  });

  it('blocks and unblocks', async () => {
    const { key } = await keys.create();
    expect((await keys.setBlocked(key, true)).blocked).toBe(true);
    expect((await keys.get(key))?.blocked).toBe(true);
    expect((await keys.setBlocked(key, false)).blocked).toBe(false);
  });

  it('deletes by key, hash or alias, returning the hashes it removed', async () => {
    const first = await keys.create();
    const second = await keys.create({ keyAlias: 'second' });
    const third = await keys.create();
    const deleted = await keys.delete({ keys: [first.key, third.record.tokenHash, 'sk-unknown-key-00'], keyAliases: ['second'] });
    expect(deleted.sort()).toEqual([first.record.tokenHash, second.record.tokenHash, third.record.tokenHash].sort());
    expect(await keys.get(first.key)).toBeUndefined();
    expect(await keys.delete({ keys: [] })).toEqual([]);
  });

  it('lists with filters, pages and sorting', async () => {
    for (let index = 0; index < 7; index += 1) {
      now = new Date(NOW.getTime() + index * 1000);
      await keys.create({ userId: index < 4 ? 'alice' : 'bob', teamId: index % 2 === 0 ? 'red' : 'blue', keyAlias: `k${index}`, spendNano: BigInt(index) });
    }
    const alice = await keys.list({ userId: 'alice', pageSize: 3 });
    expect(alice).toMatchObject({ totalCount: 4, currentPage: 1, totalPages: 2 });
    expect(alice.keys.map((key) => key.keyAlias)).toEqual(['k3', 'k2', 'k1']);
    const secondPage = await keys.list({ userId: 'alice', pageSize: 3, page: 2 });
    expect(secondPage.keys.map((key) => key.keyAlias)).toEqual(['k0']);
    const bySpend = await keys.list({ teamId: 'red', sortBy: 'spend', sortOrder: 'asc' });
    expect(bySpend.keys.map((key) => key.spendNano)).toEqual([0n, 2n, 4n, 6n]);
    const owned = await keys.list({ ownedBy: { userId: 'bob', teamIds: ['blue'] } });
    expect(owned.keys.map((key) => key.keyAlias).sort()).toEqual(['k1', 'k3', 'k4', 'k5', 'k6']);
    expect((await keys.list({ keyAlias: 'k5' })).keys).toHaveLength(1);
    expect((await keys.list({ ownedBy: {} })).totalCount).toBe(0);
    await expect(keys.list({ pageSize: 101 })).rejects.toMatchObject({ param: 'size' });
  });

  it('regenerates: new hash on the same row, old hash valid only through the grace period', async () => {
    const original = await keys.create({ maxBudgetNano: 9n, keyAlias: 'rotating' });
    await ledger.db.insertInto('model_spend').values({ entity_type: 'key', entity_id: original.record.tokenHash, model: 'gpt-4o', spend_nano: 5n }).execute();
    const regenerated = await keys.regenerate(original.key, { gracePeriod: '1h', update: { maxBudgetNano: 10n } });
    expect(regenerated.key).not.toBe(original.key);
    expect(regenerated.record).toMatchObject({ tokenHash: hashApiKey(regenerated.key), previousTokenHash: original.record.tokenHash, keyAlias: 'rotating', maxBudgetNano: 10n });
    expect(await keys.get(original.key)).toBeUndefined();
    expect((await keys.findForAuth(original.record.tokenHash))?.tokenHash).toBe(regenerated.record.tokenHash);
    expect((await keys.findForAuth(original.record.tokenHash, new Date(NOW.getTime() + 3_600_001)))).toBeUndefined();
    expect((await keys.findForAuth(regenerated.record.tokenHash))?.keyAlias).toBe('rotating');
    const moved = await ledger.db.selectFrom('model_spend').select('entity_id').execute();
    expect(moved).toEqual([{ entity_id: regenerated.record.tokenHash }]);
    const immediate = await keys.regenerate(regenerated.key, { newKey: 'sk-chosen-by-caller' });
    expect(immediate.key).toBe('sk-chosen-by-caller');
    expect(await keys.findForAuth(regenerated.record.tokenHash)).toBeUndefined();
    await expect(keys.regenerate('sk-unknown-key-00')).rejects.toBeInstanceOf(NotFoundError);
  });

  it('keeps one key id through every regeneration, remembers every hash the key had, and forgets them on delete', async () => {
    const original = await keys.create({ key: 'sk-generation-zero' });
    expect(original.record.keyId).toMatch(/^[0-9a-f]{32}$/);
    const other = await keys.create();
    expect(other.record.keyId).not.toBe(original.record.keyId);
    let current = original;
    for (let generation = 1; generation <= 3; generation += 1) {
      current = await keys.regenerate(current.key);
      expect(current.record.keyId).toBe(original.record.keyId);
    }
    expect((await keys.get(current.key))?.keyId).toBe(original.record.keyId);
    const hashesOf = (keyId: string) =>
      ledger.db.selectFrom('key_hashes').select('token_hash').where('key_id', '=', keyId).execute().then((rows) => rows.map((row) => row.token_hash));
    expect(await hashesOf(original.record.keyId)).toHaveLength(4);
    expect(await hashesOf(original.record.keyId)).toEqual(expect.arrayContaining([original.record.tokenHash, current.record.tokenHash]));
    // A hash the key once had cannot become another key's: its spend logs would count for both.
    await expect(keys.create({ key: 'sk-generation-zero' })).rejects.toThrow('Key already exists.');
    await expect(keys.regenerate(other.key, { newKey: 'sk-generation-zero' })).rejects.toThrow('Key already exists.');
    expect((await keys.get(other.key))?.keyId).toBe(other.record.keyId);
    await keys.delete({ keys: [current.key] });
    expect(await hashesOf(original.record.keyId)).toEqual([]);
    expect((await keys.create({ key: 'sk-generation-zero' })).record.keyId).not.toBe(original.record.keyId);
  });
});
