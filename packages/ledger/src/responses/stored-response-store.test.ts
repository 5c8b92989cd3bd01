import { ledgerTestTargets, type TestLedger } from '../testing-internal/ledger-test-targets.js';
import { StoredResponseStore } from './stored-response-store.js';

describe.each(ledgerTestTargets())('StoredResponseStore on $name', (target) => {
  let ledger: TestLedger;
  let store: StoredResponseStore;
  const alice = { kind: 'key', keyId: 'key-alice', teamId: 'team-a' } as const;
  const aliceTeammate = { kind: 'key', keyId: 'key-bob', teamId: 'team-a' } as const;
  const mallory = { kind: 'key', keyId: 'key-mallory', teamId: 'team-m' } as const;

  beforeEach(async () => {
    ledger = await target.open();
    store = new StoredResponseStore(ledger.db, { clock: () => new Date('2024-05-15T10:30:00Z') });
  });
  afterEach(() => ledger.close());

  const save = (responseId: string, previousResponseId: string | null, owner: { keyId: string | null; teamId: string | null } = alice) =>
    store.save({ responseId, ...owner, previousResponseId, inputItems: [{ role: 'user', content: responseId }], response: { id: responseId, object: 'response' } });

  it('keeps a response and reads it back for its key and its team, never for another tenant', async () => {
    await save('resp_1', null);
    const record = await store.get('resp_1', alice);
    expect(record).toEqual({
      responseId: 'resp_1',
      keyId: 'key-alice',
      teamId: 'team-a',
      previousResponseId: null,
      inputItems: [{ role: 'user', content: 'resp_1' }],
      response: { id: 'resp_1', object: 'response' },
      createdAt: new Date('2024-05-15T10:30:00Z'),
    });
    expect(await store.get('resp_1', aliceTeammate)).toBeDefined();
    expect(await store.get('resp_1', { kind: 'master' })).toBeDefined();
    expect(await store.get('resp_1', mallory)).toBeUndefined();
    expect(await store.get('resp_missing', alice)).toBeUndefined();
  });

  it('a key without a team sees only its own responses', async () => {
    await save('resp_solo', null, { keyId: 'key-solo', teamId: null });
    expect(await store.get('resp_solo', { kind: 'key', keyId: 'key-solo', teamId: null })).toBeDefined();
    expect(await store.get('resp_solo', { kind: 'key', keyId: 'key-other', teamId: null })).toBeUndefined();
  });

  it('rebuilds a conversation oldest first, and refuses a chain that crosses tenants', async () => {
    await save('resp_a', null);
    await save('resp_b', 'resp_a');
    await save('resp_c', 'resp_b');
    expect((await store.chain('resp_c', alice))?.map((record) => record.responseId)).toEqual(['resp_a', 'resp_b', 'resp_c']);
    await save('resp_x', 'resp_c', mallory);
    expect(await store.chain('resp_x', mallory)).toBeUndefined();
    expect(await store.chain('resp_c', mallory)).toBeUndefined();
  });

  it('finds a stored item by id (output or kept input) for its tenant only, and forgets it with its response', async () => {
    await store.save({
      responseId: 'resp_i',
      keyId: 'key-alice',
      teamId: 'team-a',
      previousResponseId: null,
      inputItems: [{ type: 'message', id: 'msg_in', role: 'user', content: 'hi' }],
      response: { id: 'resp_i', output: [{ type: 'reasoning', id: 'rs_out', summary: [] }, { type: 'message', id: 'msg_out', role: 'assistant', content: [] }] },
    });
    expect(await store.findItem('rs_out', alice)).toEqual({ type: 'reasoning', id: 'rs_out', summary: [] });
    expect(await store.findItem('msg_in', aliceTeammate)).toEqual({ type: 'message', id: 'msg_in', role: 'user', content: 'hi' });
    expect(await store.findItem('rs_out', mallory)).toBeUndefined();
    expect(await store.findItem('rs_missing', alice)).toBeUndefined();
    expect(await store.delete('resp_i', alice)).toBe(true);
    expect(await store.findItem('msg_out', alice)).toBeUndefined();
  });

  it('deletes only for a reader who may see the response', async () => {
    await save('resp_d', null);
    expect(await store.delete('resp_d', mallory)).toBe(false);
    expect(await store.get('resp_d', alice)).toBeDefined();
    expect(await store.delete('resp_d', alice)).toBe(true);
    expect(await store.get('resp_d', alice)).toBeUndefined();
    expect(await store.delete('resp_d', alice)).toBe(false);
  });
});
