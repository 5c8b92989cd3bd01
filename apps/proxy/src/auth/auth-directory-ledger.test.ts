import { createHash } from 'node:crypto';
import { openLedger, type Ledger } from '@tollgate/ledger';
import { AuthDirectory, type InvalidationMessage } from './auth-directory.js';

/* The directory over a real (in-memory SQLite) ledger: what it caches, for how long, and what it forgets when. */
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const TTL_MS = 30_000;

describe('AuthDirectory over an in-memory ledger', () => {
  let ledger: Ledger;
  let now: number;
  let broadcasts: InvalidationMessage[];
  const directoryOf = (options: { capacity?: number; negativeCapacity?: number; masterKey?: string } = {}) =>
    new AuthDirectory({
      ledger,
      masterKeyHash: options.masterKey === undefined ? undefined : sha256(options.masterKey),
      ttlMs: TTL_MS,
      capacity: options.capacity,
      negativeCapacity: options.negativeCapacity,
      clock: () => now,
      broadcast: (message) => broadcasts.push(message),
    });

  beforeEach(async () => {
    now = Date.parse('2026-01-01T00:00:00Z');
    broadcasts = [];
    ledger = await openLedger({ url: ':memory:', clock: () => new Date(now) });
  });
  afterEach(() => ledger.close());

  it('answers the master key without a database read and refuses a missing key', async () => {
    const directory = directoryOf({ masterKey: 'sk-master-1234' });
    await expect(directory.authenticate('sk-master-1234')).resolves.toEqual({ kind: 'master', tokenHash: sha256('sk-master-1234') });
    await expect(directory.authenticate(undefined)).rejects.toMatchObject({ status: 401, message: expect.stringContaining('No API key provided') });
    await expect(directory.authenticate('')).rejects.toMatchObject({ status: 401 });
    expect(directory.cacheSizes()).toEqual({ keys: 0, unknownKeys: 0, customers: 0, unknownCustomers: 0 });
  });

  it('serves a key from its cache until the TTL passes, then sees a change made elsewhere', async () => {
    const { key, record } = await ledger.keys.create({ keyAlias: 'cached' });
    const directory = directoryOf();
    await expect(directory.authenticate(key)).resolves.toMatchObject({ kind: 'virtual', tokenHash: record.tokenHash });
    await ledger.keys.setBlocked(key, true); // another replica, no invalidation reaches this one
    now += TTL_MS - 1;
    await expect(directory.authenticate(key)).resolves.toMatchObject({ kind: 'virtual' });
    now += 1;
    await expect(directory.authenticate(key)).rejects.toMatchObject({ status: 401, type: 'auth_error', message: expect.stringContaining('Key is blocked') });
  });

  it('sees a change at once after invalidateKey, and tells the other replicas', async () => {
    const { key, record } = await ledger.keys.create({});
    const directory = directoryOf();
    await directory.authenticate(key);
    await ledger.keys.setBlocked(key, true);
    directory.invalidateKey(record.tokenHash);
    await expect(directory.authenticate(key)).rejects.toThrow('Key is blocked');
    expect(broadcasts).toEqual([{ kind: 'key', tokenHash: record.tokenHash }]);
  });

  it('applies a replica invalidation locally without broadcasting it again', async () => {
    const { key, record } = await ledger.keys.create({});
    const directory = directoryOf();
    await directory.authenticate(key);
    await ledger.keys.setBlocked(key, true);
    directory.applyInvalidation({ kind: 'key', tokenHash: record.tokenHash });
    await expect(directory.authenticate(key)).rejects.toThrow('Key is blocked');
    expect(broadcasts).toEqual([]);
  });

  it('forgets every key after invalidateAllKeys, so a blocked team shows at once', async () => {
    const team = await ledger.teams.create({ teamAlias: 'blue' });
    const { key } = await ledger.keys.create({ teamId: team.teamId });
    const directory = directoryOf();
    await expect(directory.authenticate(key)).resolves.toMatchObject({ team: { teamId: team.teamId, blocked: false } });
    await ledger.teams.setBlocked(team.teamId, true);
    await expect(directory.authenticate(key)).resolves.toMatchObject({ kind: 'virtual' });
    directory.invalidateAllKeys();
    await expect(directory.authenticate(key)).rejects.toMatchObject({ status: 401, type: 'team_blocked', message: expect.stringContaining(`Team=${team.teamId} is blocked`) });
    expect(broadcasts).toEqual([{ kind: 'all-keys' }]);
  });

  it('refuses a key from the instant it expires, although its record is cached', async () => {
    const expires = new Date(now + 60_000);
    const { key } = await ledger.keys.create({ expires });
    const directory = directoryOf();
    await expect(directory.authenticate(key)).resolves.toMatchObject({ kind: 'virtual' });
    now = expires.getTime() - 1;
    await expect(directory.authenticate(key)).resolves.toMatchObject({ kind: 'virtual' });
    now = expires.getTime();
    await expect(directory.authenticate(key)).rejects.toMatchObject({
      status: 401,
      type: 'expired_key',
      message: `Authentication Error - Expired Key. Key Expiry time ${expires.toISOString()}`,
    });
  });

  it('remembers an unknown key until it is invalidated, then finds it once created', async () => {
    const raw = 'sk-created-later-0001';
    const directory = directoryOf();
    await expect(directory.authenticate(raw)).rejects.toThrow('Key not found');
    const { record } = await ledger.keys.create({ key: raw });
    await expect(directory.authenticate(raw)).rejects.toThrow('Key not found');
    expect(directory.cacheSizes().unknownKeys).toBe(1);
    directory.invalidateKey(record.tokenHash);
    await expect(directory.authenticate(raw)).resolves.toMatchObject({ kind: 'virtual', tokenHash: record.tokenHash });
    expect(directory.cacheSizes()).toMatchObject({ keys: 1, unknownKeys: 0 });
  });

  it('keeps at most `capacity` keys, dropping the least recently used', async () => {
    const issued = await Promise.all([1, 2, 3].map((index) => ledger.keys.create({ keyAlias: `k${index}` })));
    const [first, second, third] = issued.map((entry) => entry.key) as [string, string, string];
    const directory = directoryOf({ capacity: 2 });
    await directory.authenticate(first);
    await directory.authenticate(second);
    await directory.authenticate(first); // `second` is now the least recently used
    await directory.authenticate(third);
    expect(directory.cacheSizes().keys).toBe(2);
    for (const key of [first, second]) await ledger.keys.setBlocked(key, true);
    await expect(directory.authenticate(first)).resolves.toMatchObject({ kind: 'virtual' }); // still cached
    await expect(directory.authenticate(second)).rejects.toThrow('Key is blocked'); // evicted, read again
  });

  it('keeps at most `negativeCapacity` unknown keys, never at the cost of a valid one', async () => {
    const { key } = await ledger.keys.create({});
    const directory = directoryOf({ capacity: 10, negativeCapacity: 3 });
    await directory.authenticate(key);
    for (let index = 0; index < 20; index += 1) await expect(directory.authenticate(`sk-bogus-${index}`)).rejects.toThrow('Key not found');
    expect(directory.cacheSizes()).toMatchObject({ keys: 1, unknownKeys: 3 });
    await ledger.keys.setBlocked(key, true);
    await expect(directory.authenticate(key)).resolves.toMatchObject({ kind: 'virtual' }); // served from the cache
  });

  it('caches customers, known and unknown, until invalidateCustomer', async () => {
    await ledger.customers.create({ userId: 'alice' });
    const directory = directoryOf();
    await expect(directory.customer('alice')).resolves.toMatchObject({ userId: 'alice', blocked: false });
    await expect(directory.customer('bob')).resolves.toBeUndefined();
    await ledger.customers.setBlocked(['alice'], true);
    await ledger.customers.create({ userId: 'bob' });
    await expect(directory.customer('alice')).resolves.toMatchObject({ blocked: false });
    await expect(directory.customer('bob')).resolves.toBeUndefined();
    expect(directory.cacheSizes()).toMatchObject({ customers: 1, unknownCustomers: 1 });
    directory.invalidateCustomer('alice');
    directory.invalidateCustomer('bob');
    await expect(directory.customer('alice')).resolves.toMatchObject({ blocked: true });
    await expect(directory.customer('bob')).resolves.toMatchObject({ userId: 'bob' });
    expect(broadcasts).toEqual([{ kind: 'customer', endUserId: 'alice' }, { kind: 'customer', endUserId: 'bob' }]);
  });

  it('serves customers held to their linked budget, cached until invalidateAllCustomers', async () => {
    await ledger.budgets.create({ budgetId: 'tier', maxBudgetNano: 5n, rpmLimit: 2 });
    await ledger.customers.create({ userId: 'alice', budgetId: 'tier' });
    const directory = directoryOf();
    await expect(directory.customer('alice')).resolves.toMatchObject({ maxBudgetNano: 5n, rpmLimit: 2 });
    await expect(directory.customer('carol')).resolves.toBeUndefined();
    await ledger.budgets.update('tier', { maxBudgetNano: 7n });
    await ledger.customers.create({ userId: 'carol', budgetId: 'tier' });
    await expect(directory.customer('alice')).resolves.toMatchObject({ maxBudgetNano: 5n });
    directory.invalidateAllCustomers();
    await expect(directory.customer('alice')).resolves.toMatchObject({ maxBudgetNano: 7n });
    await expect(directory.customer('carol')).resolves.toMatchObject({ maxBudgetNano: 7n });
    expect(broadcasts).toEqual([{ kind: 'all-customers' }]);
  });
});
