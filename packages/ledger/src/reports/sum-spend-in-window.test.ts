import { KeyStore } from '../keys/key-store.js';
import { applySpendEvents } from '../spend/apply-spend-events.js';
import { ledgerTestTargets, type TestLedger } from '../testing-internal/ledger-test-targets.js';
import { makeSpendEvent } from '../testing-internal/spend-event-factory.js';
import { sumSpendInWindow } from './sum-spend-in-window.js';

describe.each(ledgerTestTargets())('sumSpendInWindow by key id on $name', (target) => {
  let ledger: TestLedger;
  beforeEach(async () => {
    ledger = await target.open();
  });
  afterEach(() => ledger.close());

  it("sums the spend logs of every hash the key has had, and nobody else's", async () => {
    const keys = new KeyStore(ledger.db);
    let issued = await keys.create();
    const other = await keys.create();
    const at = (day: number) => ({ start_time: `2024-05-0${day}T08:00:00Z`, end_time: `2024-05-0${day}T08:00:01Z` });
    await applySpendEvents(ledger.db, [makeSpendEvent({ ...at(1), api_key: issued.record.tokenHash, cost_nano: '100' })]);
    issued = await keys.regenerate(issued.key);
    await applySpendEvents(ledger.db, [makeSpendEvent({ ...at(2), api_key: issued.record.tokenHash, cost_nano: '20' })]);
    issued = await keys.regenerate(issued.key);
    await applySpendEvents(ledger.db, [
      makeSpendEvent({ ...at(3), api_key: issued.record.tokenHash, cost_nano: '3', model_group: 'claude' }),
      makeSpendEvent({ ...at(3), api_key: other.record.tokenHash, cost_nano: '5000' }),
    ]);
    const owner = { kind: 'key', keyId: issued.record.keyId } as const;
    const from = new Date('2024-05-01T00:00:00Z');
    expect(await sumSpendInWindow(ledger.db, { owner, from })).toBe(123n);
    expect(await sumSpendInWindow(ledger.db, { owner, from, model: 'gpt-4o' })).toBe(120n);
    expect(await sumSpendInWindow(ledger.db, { owner, from: new Date('2024-05-02T00:00:00Z'), to: new Date('2024-05-03T00:00:00Z') })).toBe(20n);
    // The current hash alone is what a key's budget used to count.
    expect(await sumSpendInWindow(ledger.db, { owner: { kind: 'key', keyHashes: [issued.record.tokenHash] }, from })).toBe(3n);
    expect(await sumSpendInWindow(ledger.db, { owner: { kind: 'key', keyId: 'f'.repeat(32) }, from })).toBe(0n);
  });
});
