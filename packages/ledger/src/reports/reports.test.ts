import { KeyStore } from '../keys/key-store.js';
import { applySpendEvents } from '../spend/apply-spend-events.js';
import { TeamStore } from '../teams/team-store.js';
import { ledgerTestTargets, type TestLedger } from '../testing-internal/ledger-test-targets.js';
import { makeSpendEvent } from '../testing-internal/spend-event-factory.js';
import { globalSpendReport } from './global-spend-report.js';
import { querySpendLogs } from './query-spend-logs.js';
import { summarizeSpend } from './summarize-spend.js';
import { sumSpendInWindow } from './sum-spend-in-window.js';

describe.each(ledgerTestTargets())('spend reports on $name', (target) => {
  let ledger: TestLedger;
  let alice: { key: string; hash: string };
  let bob: { key: string; hash: string };

  beforeAll(async () => {
    ledger = await target.open();
    const keys = new KeyStore(ledger.db);
    const aliceKey = await keys.create({ userId: 'alice', teamId: 'red', keyAlias: 'alice-ci' });
    const bobKey = await keys.create({ userId: 'bob' });
    alice = { key: aliceKey.key, hash: aliceKey.record.tokenHash };
    bob = { key: bobKey.key, hash: bobKey.record.tokenHash };
    await new TeamStore(ledger.db).create({ teamId: 'red', teamAlias: 'Red Team' });
    const day1 = { start_time: '2024-05-01T08:00:00Z', end_time: '2024-05-01T08:00:02Z' };
    const day2 = { start_time: '2024-05-02T23:59:00Z', end_time: '2024-05-03T00:00:01Z' };
    await applySpendEvents(ledger.db, [
      makeSpendEvent({ request_id: 'r1', ...day1, api_key: alice.hash, user_id: 'alice', team_id: 'red', end_user: 'acme', cost_nano: '100', model_group: 'gpt-4o', model: 'gpt-4o-2024-08-06' }),
      makeSpendEvent({ request_id: 'r2', ...day1, api_key: alice.hash, user_id: 'alice', team_id: 'red', end_user: 'acme', cost_nano: '50', model_group: 'claude', model: 'claude-sonnet-4-5', prompt_tokens: 7, completion_tokens: 3 }),
      makeSpendEvent({ request_id: 'r3', ...day1, api_key: bob.hash, user_id: 'bob', cost_nano: '7', model_group: 'gpt-4o', model: 'gpt-4o-2024-08-06' }),
      makeSpendEvent({ request_id: 'r4', ...day2, api_key: alice.hash, user_id: 'alice', team_id: 'red', end_user: 'globex', cost_nano: '1000', model_group: 'gpt-4o', model: 'gpt-4o-2024-08-06', session_id: 's1' }),
      makeSpendEvent({ request_id: 'r5', start_time: '2024-05-04T00:00:00Z', end_time: '2024-05-04T00:00:01Z', api_key: bob.hash, user_id: 'bob', cost_nano: '3', model_group: 'gpt-4o', model: 'gpt-4o-2024-08-06' }),
    ]);
  });
  afterAll(() => ledger.close());

  it('queries spend logs by key, user, request, session and whole-day date ranges, newest first', async () => {
    expect((await querySpendLogs(ledger.db, { apiKey: alice.key })).map((log) => log.requestId)).toEqual(['r4', 'r2', 'r1']);
    expect((await querySpendLogs(ledger.db, { apiKey: alice.hash, limit: 1, offset: 1 })).map((log) => log.requestId)).toEqual(['r2']);
    expect((await querySpendLogs(ledger.db, { userId: 'bob' })).map((log) => log.requestId)).toEqual(['r5', 'r3']);
    expect((await querySpendLogs(ledger.db, { startDate: '2024-05-02', endDate: '2024-05-02' })).map((log) => log.requestId)).toEqual(['r4']);
    expect((await querySpendLogs(ledger.db, { sessionId: 's1' })).map((log) => log.requestId)).toEqual(['r4']);
    const [log] = await querySpendLogs(ledger.db, { requestId: 'r2' });
    expect(log).toMatchObject({ requestId: 'r2', spendNano: 50n, user: 'alice', endUser: 'acme', teamId: 'red', promptTokens: 7, totalTokens: 10, status: 'success' });
    expect(log?.startTime.toISOString()).toBe('2024-05-01T08:00:00.000Z');
    await expect(querySpendLogs(ledger.db, { startDate: '2024-05-02' })).rejects.toMatchObject({ param: 'end_date' });
    await expect(querySpendLogs(ledger.db, { startDate: '2024-13-01', endDate: '2024-13-02' })).rejects.toMatchObject({ param: 'start_date' });
  });

  it('summarizes daily spend from the rollups, every day of the range present', async () => {
    const summary = await summarizeSpend(ledger.db, { startDate: '2024-04-30', endDate: '2024-05-04' });
    expect(summary.map((day) => [day.date, day.spendNano])).toEqual([
      ['2024-04-30', 0n],
      ['2024-05-01', 157n],
      ['2024-05-02', 1000n],
      ['2024-05-03', 0n],
      ['2024-05-04', 3n],
    ]);
    expect(summary[1]).toMatchObject({
      users: { alice: 150n, bob: 7n },
      models: { 'gpt-4o-2024-08-06': 107n, 'claude-sonnet-4-5': 50n },
      apiKeys: { [alice.hash]: 150n, [bob.hash]: 7n },
    });
    const aliceOnly = await summarizeSpend(ledger.db, { startDate: '2024-05-01', endDate: '2024-05-02', userId: 'alice' });
    expect(aliceOnly.map((day) => day.spendNano)).toEqual([150n, 1000n]);
    const bobKey = await summarizeSpend(ledger.db, { startDate: '2024-05-01', endDate: '2024-05-01', apiKey: bob.key });
    expect(bobKey[0]).toMatchObject({ spendNano: 7n, users: { bob: 7n } });
  });

  it('groups the global report by team, with alias and an unassigned group', async () => {
    const report = await globalSpendReport(ledger.db, { startDate: '2024-05-01', endDate: '2024-05-31', groupBy: 'team' });
    expect(report.map((day) => day.date)).toEqual(['2024-05-01', '2024-05-02', '2024-05-04']);
    expect(report[0]?.groups.map((group) => [group.groupId, group.name, group.spendNano, group.requests])).toEqual([
      ['', null, 7n, 1],
      ['red', 'Red Team', 150n, 2],
    ]);
    expect(report[0]?.groups[1]?.breakdown).toEqual([
      { model: 'claude-sonnet-4-5', apiKey: alice.hash, spendNano: 50n, promptTokens: 7, completionTokens: 3, totalTokens: 10, requests: 1 },
      { model: 'gpt-4o-2024-08-06', apiKey: alice.hash, spendNano: 100n, promptTokens: 10, completionTokens: 5, totalTokens: 15, requests: 1 },
    ]);
  });

  it('groups by customer, key, model, model group and user, and filters by key or internal user', async () => {
    const range = { startDate: '2024-05-01', endDate: '2024-05-04' };
    const flat = async (options: Parameters<typeof globalSpendReport>[1]) =>
      (await globalSpendReport(ledger.db, options)).flatMap((day) => day.groups.map((group) => [day.date, group.groupId, group.spendNano]));
    expect(await flat({ ...range, groupBy: 'customer' })).toEqual([['2024-05-01', 'acme', 150n], ['2024-05-02', 'globex', 1000n]]);
    expect(await flat({ ...range, groupBy: 'model_group' })).toEqual([
      ['2024-05-01', 'claude', 50n],
      ['2024-05-01', 'gpt-4o', 107n],
      ['2024-05-02', 'gpt-4o', 1000n],
      ['2024-05-04', 'gpt-4o', 3n],
    ]);
    expect(await flat({ ...range, groupBy: 'user', userId: 'bob' })).toEqual([['2024-05-01', 'bob', 7n], ['2024-05-04', 'bob', 3n]]);
    expect(await flat({ ...range, groupBy: 'model', apiKey: bob.key })).toEqual([['2024-05-01', 'gpt-4o-2024-08-06', 7n], ['2024-05-04', 'gpt-4o-2024-08-06', 3n]]);
    const byKey = await globalSpendReport(ledger.db, { ...range, groupBy: 'api_key', userId: 'alice' });
    expect(byKey.flatMap((day) => day.groups.map((group) => [group.groupId, group.name, group.spendNano]))).toEqual([
      [alice.hash, 'alice-ci', 150n],
      [alice.hash, 'alice-ci', 1000n],
    ]);
    await expect(globalSpendReport(ledger.db, { ...range, groupBy: 'planet' as 'team' })).rejects.toMatchObject({ param: 'group_by' });
  });

  it('sums exact spend per owner inside a window', async () => {
    const from = new Date('2024-05-01T00:00:00Z');
    expect(await sumSpendInWindow(ledger.db, { owner: { kind: 'key', keyHashes: [alice.hash] }, from })).toBe(1150n);
    expect(await sumSpendInWindow(ledger.db, { owner: { kind: 'key', keyHashes: [alice.hash] }, from, model: 'gpt-4o' })).toBe(1100n);
    expect(await sumSpendInWindow(ledger.db, { owner: { kind: 'user', userId: 'bob' }, from, to: new Date('2024-05-04T00:00:00Z') })).toBe(7n);
    expect(await sumSpendInWindow(ledger.db, { owner: { kind: 'team', teamId: 'red' }, from: new Date('2024-05-02T00:00:00Z') })).toBe(1000n);
    expect(await sumSpendInWindow(ledger.db, { owner: { kind: 'team_member', teamId: 'red', userId: 'alice' }, from })).toBe(1150n);
    expect(await sumSpendInWindow(ledger.db, { owner: { kind: 'customer', endUser: 'acme' }, from })).toBe(150n);
    expect(await sumSpendInWindow(ledger.db, { owner: { kind: 'customer', endUser: 'nobody' }, from })).toBe(0n);
    expect(await sumSpendInWindow(ledger.db, { owner: { kind: 'key', keyHashes: [] }, from })).toBe(0n);
  });
});
