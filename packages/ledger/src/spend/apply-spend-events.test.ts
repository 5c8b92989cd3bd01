import { KeyStore } from '../keys/key-store.js';
import { usdToNanoUsd } from '@tollgate/core';
import { TeamMemberStore } from '../teams/team-member-store.js';
import { TeamStore } from '../teams/team-store.js';
import { UserStore } from '../users/user-store.js';
import { CustomerStore } from '../customers/customer-store.js';
import { ledgerTestTargets, type TestLedger } from '../testing-internal/ledger-test-targets.js';
import { makeSpendEvent } from '../testing-internal/spend-event-factory.js';
import { applySpendEvent, applySpendEvents } from './apply-spend-events.js';
import { spendEventSchema } from './spend-event-schema.js';

describe.each(ledgerTestTargets())('applySpendEvents on $name', (target) => {
  let ledger: TestLedger;
  let keyHash: string;
  let keys: KeyStore;

  beforeEach(async () => {
    ledger = await target.open();
    keys = new KeyStore(ledger.db);
    keyHash = (await keys.create({ userId: 'ada', teamId: 'red' })).record.tokenHash;
    await new UserStore(ledger.db).create({ userId: 'ada' });
    await new TeamStore(ledger.db).create({ teamId: 'red' });
    await new TeamMemberStore(ledger.db).add({ teamId: 'red', userId: 'ada' });
  });
  afterEach(() => ledger.close());

  const spendOf = async () => {
    const db = ledger.db;
    const [key, user, team, member, customer, logs] = await Promise.all([
      db.selectFrom('keys').select('spend_nano').where('token_hash', '=', keyHash).executeTakeFirstOrThrow(),
      db.selectFrom('users').select('spend_nano').where('user_id', '=', 'ada').executeTakeFirstOrThrow(),
      db.selectFrom('teams').select('spend_nano').where('team_id', '=', 'red').executeTakeFirstOrThrow(),
      db.selectFrom('team_members').select('spend_nano').where('team_id', '=', 'red').where('user_id', '=', 'ada').executeTakeFirstOrThrow(),
      db.selectFrom('customers').select('spend_nano').where('user_id', '=', 'acme').executeTakeFirst(),
      db.selectFrom('spend_logs').select((eb) => eb.fn.countAll().as('count')).executeTakeFirstOrThrow(),
    ]);
    return {
      key: key.spend_nano,
      user: user.spend_nano,
      team: team.spend_nano,
      member: member.spend_nano,
      customer: customer?.spend_nano,
      logs: Number(logs.count),
    };
  };
  const scoped = (overrides: Parameters<typeof makeSpendEvent>[0] = {}) =>
    makeSpendEvent({ api_key: keyHash, user_id: 'ada', team_id: 'red', end_user: 'acme', ...overrides });

  it('books one event on every entity, per model and in the daily rollups', async () => {
    const event = scoped({ cost_nano: '2500', prompt_tokens: 100, completion_tokens: 20, cache_read_tokens: 60, reasoning_tokens: 5 });
    expect(await applySpendEvent(ledger.db, event)).toBe(true);
    expect(await spendOf()).toEqual({ key: 2500n, user: 2500n, team: 2500n, member: 2500n, customer: 2500n, logs: 1 });
    const modelSpend = await ledger.db.selectFrom('model_spend').selectAll().orderBy('entity_type').execute();
    expect(modelSpend).toEqual([
      { entity_type: 'key', entity_id: keyHash, model: 'gpt-4o', spend_nano: 2500n },
      { entity_type: 'team', entity_id: 'red', model: 'gpt-4o', spend_nano: 2500n },
    ]);
    const daily = await ledger.db.selectFrom('daily_spend').selectAll().orderBy('entity_type').execute();
    expect(daily.map((row) => [row.entity_type, row.entity_id])).toEqual([['customer', 'acme'], ['global', ''], ['team', 'red'], ['user', 'ada']]);
    expect(daily[1]).toMatchObject({
      date: '2024-05-15',
      api_key: keyHash,
      model: 'gpt-4o-2024-08-06',
      model_group: 'gpt-4o',
      provider: 'openai',
      prompt_tokens: 100n,
      completion_tokens: 20n,
      cache_read_tokens: 60n,
      reasoning_tokens: 5n,
      spend_nano: 2500n,
      api_requests: 1n,
      successful_requests: 1n,
      failed_requests: 0n,
      unpriced_requests: 0n,
    });
    const log = await ledger.db.selectFrom('spend_logs').selectAll().executeTakeFirstOrThrow();
    expect(log).toMatchObject({ request_id: event.request_id, api_key: keyHash, spend_nano: 2500n, user: 'ada', end_user: 'acme', request_duration_ms: 1000n });
  });

  it('counts the same event once, however often it is applied', async () => {
    const event = scoped({ cost_nano: '700' });
    expect(await applySpendEvent(ledger.db, event)).toBe(true);
    expect(await applySpendEvent(ledger.db, event)).toBe(false);
    expect(await applySpendEvents(ledger.db, [event, event])).toEqual({ applied: [], duplicates: [event.request_id, event.request_id] });
    expect(await spendOf()).toMatchObject({ key: 700n, team: 700n, logs: 1 });
    const daily = await ledger.db.selectFrom('daily_spend').select(['api_requests', 'spend_nano']).where('entity_type', '=', 'global').executeTakeFirstOrThrow();
    expect(daily).toEqual({ api_requests: 1n, spend_nano: 700n });
  });

  it('applies a batch with duplicates inside it and against earlier batches, each event once', async () => {
    const [first, second, third] = [scoped({ cost_nano: '1' }), scoped({ cost_nano: '20' }), scoped({ cost_nano: '300' })];
    await applySpendEvent(ledger.db, first);
    const result = await applySpendEvents(ledger.db, [second, first, third, second, third]);
    expect(result.applied.sort()).toEqual([second.request_id, third.request_id].sort());
    expect(result.duplicates.sort()).toEqual([first.request_id, second.request_id, third.request_id].sort());
    expect(await spendOf()).toMatchObject({ key: 321n, user: 321n, team: 321n, member: 321n, customer: 321n, logs: 3 });
  });

  it('books to the key row after it was regenerated (event carrying the old hash)', async () => {
    const regenerated = await keys.regenerate(keyHash);
    await applySpendEvent(ledger.db, scoped({ cost_nano: '55' }));
    const row = await keys.get(regenerated.record.tokenHash);
    expect(row?.spendNano).toBe(55n);
    const modelSpend = await ledger.db.selectFrom('model_spend').select('entity_id').where('entity_type', '=', 'key').execute();
    expect(modelSpend).toEqual([{ entity_id: regenerated.record.tokenHash }]);
    keyHash = regenerated.record.tokenHash;
  });

  it('books to the key row when the event carries a hash two regenerations old', async () => {
    const oldest = keyHash;
    const once = await keys.regenerate(keyHash);
    const twice = await keys.regenerate(once.record.tokenHash);
    await applySpendEvent(ledger.db, scoped({ cost_nano: '77', api_key: oldest }));
    expect((await keys.get(twice.record.tokenHash))?.spendNano).toBe(77n);
    const modelSpend = await ledger.db.selectFrom('model_spend').select(['entity_id', 'spend_nano']).where('entity_type', '=', 'key').execute();
    expect(modelSpend).toEqual([{ entity_id: twice.record.tokenHash, spend_nano: 77n }]);
    keyHash = twice.record.tokenHash;
  });

  it('records unpriced calls and failures explicitly, and creates unknown customers', async () => {
    await applySpendEvents(ledger.db, [
      scoped({ cost_nano: null, end_user: 'new-customer' }),
      scoped({ cost_nano: '0', status: 'failure', end_user: 'new-customer' }),
      makeSpendEvent({ cost_nano: '9', api_key: 'f'.repeat(64), user_id: 'ghost', team_id: 'ghost-team' }),
    ]);
    const customer = await new CustomerStore(ledger.db).get('new-customer');
    expect(customer?.spendNano).toBe(0n);
    const log = await ledger.db.selectFrom('spend_logs').select('spend_nano').where('status', '=', 'success').where('end_user', '=', 'new-customer').executeTakeFirstOrThrow();
    expect(log.spend_nano).toBeNull();
    const global = await ledger.db
      .selectFrom('daily_spend')
      .select(['api_requests', 'failed_requests', 'unpriced_requests', 'spend_nano'])
      .where('entity_type', '=', 'global')
      .where('api_key', '=', keyHash)
      .executeTakeFirstOrThrow();
    expect(global).toEqual({ api_requests: 2n, failed_requests: 1n, unpriced_requests: 1n, spend_nano: 0n });
    expect(await spendOf()).toMatchObject({ key: 0n, user: 0n, team: 0n, logs: 3 });
  });

  it('books events the caller validated without parsing them a second time', async () => {
    const events = [scoped({ cost_nano: '40' }), scoped({ cost_nano: '2' })].map((event) => spendEventSchema.parse(event));
    const parse = jest.spyOn(spendEventSchema, 'parse');
    try {
      expect(await applySpendEvents(ledger.db, events, { validated: true })).toEqual({ applied: events.map((event) => event.request_id).sort(), duplicates: [] });
      expect(parse).not.toHaveBeenCalled();
    } finally {
      parse.mockRestore();
    }
    expect(await spendOf()).toMatchObject({ key: 42n, member: 42n, customer: 42n, logs: 2 });
  });

  it('writes nothing when any event in the batch is invalid', async () => {
    await expect(applySpendEvents(ledger.db, [scoped(), { ...scoped(), api_key: 'sk-raw-key-leak' }])).rejects.toThrow(/SHA-256/);
    expect((await spendOf()).logs).toBe(0);
  });

  it('keeps money exact: 0.1 + 0.2 USD is 0.3 USD, and sums past 2^53 nano-USD lose nothing', async () => {
    await applySpendEvents(ledger.db, [scoped({ cost_nano: usdToNanoUsd(0.1).toString() }), scoped({ cost_nano: usdToNanoUsd(0.2).toString() })]);
    expect((await spendOf()).key).toBe(300_000_000n);
    const big = 2n ** 60n;
    await keys.update(keyHash, { spendNano: big });
    await applySpendEvent(ledger.db, scoped({ cost_nano: '1' }));
    expect((await keys.get(keyHash))?.spendNano).toBe(big + 1n);
  });

  it('sums 10,000 one-nano-USD events exactly in batches', async () => {
    const events = Array.from({ length: 10_000 }, () => scoped({ cost_nano: 1 }));
    for (let index = 0; index < events.length; index += 2_500) await applySpendEvents(ledger.db, events.slice(index, index + 2_500));
    expect(await spendOf()).toEqual({ key: 10_000n, user: 10_000n, team: 10_000n, member: 10_000n, customer: 10_000n, logs: 10_000 });
  }, 60_000);

  if (target.name === 'postgres') {
    it('gives exact totals when 50 overlapping batches race on several connections', async () => {
      const events = Array.from({ length: 120 }, (_, index) =>
        scoped({ cost_nano: String(index + 1), end_user: `customer-${index % 7}`, model_group: `model-${index % 3}` }),
      );
      const handles = [ledger.db, ...(await Promise.all([1, 2, 3].map(() => ledger.openAnother({ poolSize: 5 }))))];
      const results = await Promise.all(
        Array.from({ length: 50 }, (_, call) => {
          const start = (call * 17) % 100;
          const batch = events.slice(start, start + 20).reverse();
          return applySpendEvents(handles[call % handles.length]!, batch);
        }),
      );
      const booked = new Set(results.flatMap((result) => result.applied));
      const expected = [...booked].reduce((sum, id) => sum + BigInt(events.find((event) => event.request_id === id)!.cost_nano as string), 0n);
      expect(results.flatMap((result) => result.applied)).toHaveLength(booked.size);
      const totals = await spendOf();
      expect(totals).toMatchObject({ key: expected, user: expected, team: expected, member: expected, logs: booked.size });
      const customers = await ledger.db.selectFrom('customers').select((eb) => eb.fn.sum<string>('spend_nano').as('total')).executeTakeFirstOrThrow();
      expect(BigInt(customers.total)).toBe(expected);
      const daily = await ledger.db
        .selectFrom('daily_spend')
        .select((eb) => [eb.fn.sum<string>('spend_nano').as('spend'), eb.fn.sum<string>('api_requests').as('requests')])
        .where('entity_type', '=', 'global')
        .executeTakeFirstOrThrow();
      expect([BigInt(daily.spend), Number(daily.requests)]).toEqual([expected, booked.size]);
    }, 60_000);
  }
});
