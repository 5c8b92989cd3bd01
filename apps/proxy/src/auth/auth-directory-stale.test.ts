import { openLedger, type Ledger } from '@tollgate/ledger';
import { AuthDirectory } from './auth-directory.js';

/** A real embedded ledger whose database can be made unreadable, as during a PostgreSQL outage. */
async function ledgerThatCanFail(): Promise<{ ledger: Ledger; fail(): void; recover(): void }> {
  const ledger = await openLedger({ url: ':memory:' });
  const findForAuth = ledger.keys.findForAuth.bind(ledger.keys);
  let down = false;
  ledger.keys.findForAuth = (...args) => (down ? Promise.reject(new Error('connect ECONNREFUSED 10.1.2.3:5432')) : findForAuth(...args));
  return { ledger, fail: () => void (down = true), recover: () => void (down = false) };
}

describe('AuthDirectory while the database cannot be read', () => {
  it('serves a key whose cache entry expired recently, and reads the database again once it is back', async () => {
    const { ledger, fail, recover } = await ledgerThatCanFail();
    const issued = await ledger.keys.create({ keyAlias: 'stale-ok' });
    let nowMs = 1_000_000;
    const staleServed: unknown[] = [];
    const directory = new AuthDirectory({
      ledger,
      masterKeyHash: undefined,
      ttlMs: 30_000,
      staleIfErrorMs: 60_000,
      clock: () => nowMs,
      onStaleServed: (error) => staleServed.push(error),
    });
    expect((await directory.authenticate(issued.key)).kind).toBe('virtual');
    fail();
    nowMs += 30_000 + 59_000; // expired 59 s ago
    expect((await directory.authenticate(issued.key)).kind).toBe('virtual');
    await expect(directory.authenticate('sk-never-seen')).rejects.toMatchObject({ status: 503 });
    expect(staleServed).toHaveLength(1);
    recover();
    expect((await directory.authenticate(issued.key)).kind).toBe('virtual');
    await ledger.close();
  });

  it('answers 503, naming no host, once the entry expired longer ago than allowed', async () => {
    const { ledger, fail } = await ledgerThatCanFail();
    const issued = await ledger.keys.create({});
    let nowMs = 0;
    const directory = new AuthDirectory({ ledger, masterKeyHash: undefined, ttlMs: 1_000, staleIfErrorMs: 5_000, clock: () => nowMs });
    await directory.authenticate(issued.key);
    fail();
    nowMs += 1_000 + 5_001;
    const error: unknown = await directory.authenticate(issued.key).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ status: 503 });
    expect(String((error as Error).message)).not.toMatch(/10\.1\.2\.3|5432|ECONNREFUSED/);
    await ledger.close();
  });

  it('never serves a key that was invalidated (revoked) before the outage', async () => {
    const { ledger, fail } = await ledgerThatCanFail();
    const issued = await ledger.keys.create({});
    let nowMs = 0;
    const directory = new AuthDirectory({ ledger, masterKeyHash: undefined, ttlMs: 1_000, clock: () => nowMs });
    const auth = await directory.authenticate(issued.key);
    directory.invalidateKey(auth.tokenHash);
    fail();
    nowMs += 2_000;
    await expect(directory.authenticate(issued.key)).rejects.toMatchObject({ status: 503 });
    await ledger.close();
  });
});
