import type { Ledger } from '@tollgate/ledger';
import { AuthDirectory } from './auth-directory.js';

/** A ledger that knows no key and no customer, counting its reads; `gate` holds reads until released. */
function countingLedger(options: { gate?: Promise<void> } = {}) {
  const reads = { keys: 0, customers: 0 };
  const ledger = {
    keys: {
      findForAuth: async () => {
        reads.keys += 1;
        await options.gate;
        return undefined;
      },
    },
    customers: {
      getForCall: async (endUserId: string) => {
        reads.customers += 1;
        await options.gate;
        return endUserId === 'known' ? { endUserId, blocked: false } : undefined;
      },
    },
  } as unknown as Ledger;
  return { ledger, reads };
}

describe('AuthDirectory', () => {
  it('stays bounded after 100k random bearer tokens and 100k new end-user ids', async () => {
    const { ledger, reads } = countingLedger();
    const directory = new AuthDirectory({ ledger, masterKeyHash: undefined, capacity: 1_000, negativeCapacity: 100 });
    for (let index = 0; index < 100_000; index += 1) {
      await expect(directory.authenticate(`sk-random-${index}`)).rejects.toThrow('Key not found');
      await directory.customer(`user-${index}`);
    }
    const sizes = directory.cacheSizes();
    console.log(`after 100k random tokens and end users: ${JSON.stringify(sizes)}`);
    expect(sizes).toEqual({ keys: 0, unknownKeys: 100, customers: 0, unknownCustomers: 100 });
    expect(reads).toEqual({ keys: 100_000, customers: 100_000 });
  });

  it('remembers an unknown token, so repeating it costs no database read', async () => {
    const { ledger, reads } = countingLedger();
    const directory = new AuthDirectory({ ledger, masterKeyHash: undefined });
    for (let index = 0; index < 5; index += 1) await expect(directory.authenticate('sk-unknown')).rejects.toThrow('Key not found');
    expect(await directory.customer('known')).toMatchObject({ endUserId: 'known' });
    expect(await directory.customer('known')).toMatchObject({ endUserId: 'known' });
    expect(reads).toEqual({ keys: 1, customers: 1 });
  });

  it('reads the database once for a key however many requests miss on it at once', async () => {
    let open: () => void = () => undefined;
    const { ledger, reads } = countingLedger({ gate: new Promise<void>((resolve) => (open = resolve)) });
    const directory = new AuthDirectory({ ledger, masterKeyHash: undefined });
    const waiting = Array.from({ length: 100 }, () => directory.authenticate('sk-new').catch((error: Error) => error.message));
    const customers = Array.from({ length: 100 }, () => directory.customer('someone'));
    open();
    expect(new Set(await Promise.all(waiting)).size).toBe(1);
    await Promise.all(customers);
    expect(reads).toEqual({ keys: 1, customers: 1 });
  });

  it('does not cache what a read saw when the key was invalidated while it ran', async () => {
    let open: () => void = () => undefined;
    const { ledger, reads } = countingLedger({ gate: new Promise<void>((resolve) => (open = resolve)) });
    const directory = new AuthDirectory({ ledger, masterKeyHash: undefined });
    const first = directory.authenticate('sk-racing').catch(() => undefined);
    directory.applyInvalidation({ kind: 'all-keys' });
    open();
    await first;
    await expect(directory.authenticate('sk-racing')).rejects.toThrow('Key not found');
    expect(reads.keys).toBe(2);
  });

  it('still caches what a read saw when another key or a customer was invalidated while it ran', async () => {
    let open: () => void = () => undefined;
    const { ledger, reads } = countingLedger({ gate: new Promise<void>((resolve) => (open = resolve)) });
    const directory = new AuthDirectory({ ledger, masterKeyHash: undefined });
    const first = directory.authenticate('sk-steady').catch(() => undefined);
    const customer = directory.customer('known');
    directory.applyInvalidation({ kind: 'key', tokenHash: 'f'.repeat(64) });
    directory.applyInvalidation({ kind: 'customer', endUserId: 'someone-else' });
    open();
    await Promise.all([first, customer]);
    await expect(directory.authenticate('sk-steady')).rejects.toThrow('Key not found');
    await directory.customer('known');
    expect(reads).toEqual({ keys: 1, customers: 1 });
  });
});
