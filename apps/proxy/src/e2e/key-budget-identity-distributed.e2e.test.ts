import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { sql } from 'kysely';
import { openLedger, type Ledger } from '@tollgate/ledger';
import { startMockUpstream } from '@tollgate/testing';
import { OTHER_SCOPES, spendOnce, spendUntilRefused } from './budget-spending.js';
import { manage, MASTER_KEY, startTestProxy, UPSTREAM_KEY, type TestProxy } from './start-test-proxy.js';

const redisUrl = process.env['REDIS_URL'];
const databaseUrl = process.env['DATABASE_URL'];
const describeDistributed = redisUrl && databaseUrl ? describe : describe.skip;
if (!redisUrl || !databaseUrl) console.warn('distributed key-budget e2e skipped: needs REDIS_URL and DATABASE_URL');

const WORKER_SRC = join(__dirname, '..', '..', '..', 'worker', 'src');

/** The real worker (its TypeScript sources) as a separate process: it books the spend events the proxies queue. */
function spawnWorker(env: Record<string, string>): ChildProcess {
  return spawn(
    process.execPath,
    ['--conditions=@tollgate/source', '-r', require.resolve('@tollgate/testing/register-ts.cjs'), join(WORKER_SRC, 'main.ts')],
    { env: { ...process.env, ...env }, stdio: 'ignore' },
  );
}

const urlsOf = (proxies: TestProxy[]) => proxies.map((proxy) => proxy.baseURL);

describeDistributed("a key's budget belongs to the key, not to its hash (two proxies, Redis limiter, PostgreSQL, worker)", () => {
  const suffix = `${process.pid}_${Date.now()}`;
  const schema = `tg_key_id_${suffix}`;
  const env = {
    REDIS_URL: redisUrl as string,
    DATABASE_URL: databaseUrl as string,
    DATABASE_SCHEMA: schema,
    TOLLGATE_REDIS_PREFIX: `key-id-${suffix}`,
    SPEND_QUEUE_NAME: `key-id-spend-${suffix}`,
  };
  let upstream: Awaited<ReturnType<typeof startMockUpstream>>;
  const proxies: TestProxy[] = [];
  let ledger: Ledger;
  let worker: ChildProcess;
  let costPerCall: number;

  beforeAll(async () => {
    upstream = await startMockUpstream({ requireApiKey: UPSTREAM_KEY });
    proxies.push(await startTestProxy({ upstream, env }), await startTestProxy({ upstream, env }));
    ledger = await openLedger({ url: databaseUrl as string, schema });
    worker = spawnWorker({ ...env, WORKER_PORT: '0', MAINTENANCE_QUEUE_NAME: `key-id-maint-${suffix}`, LOG_LEVEL: 'error' });
    const probe = await spendOnce((proxies[0] as TestProxy).baseURL, MASTER_KEY);
    if (probe === 'refused' || !(probe > 0)) throw new Error(`probe call did not report a cost: ${probe}`);
    costPerCall = probe;
  }, 30_000);

  afterAll(async () => {
    worker?.kill('SIGKILL');
    for (const proxy of proxies) await proxy.stop();
    await upstream.close();
    await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(ledger.db);
    await ledger.close();
    const redis = new Redis(redisUrl as string);
    const keys = await redis.keys(`*key-id-*${suffix}*`);
    if (keys.length > 0) await redis.del(...keys);
    await redis.quit();
  });

  /** Waits until the worker has booked this many spend-log rows for the key (any of its hashes). */
  async function waitForBooked(rawKey: string, rows: number): Promise<void> {
    const { keyId } = await ledger.keys.getOrThrow(rawKey);
    const booked = async () =>
      Number(
        (
          await ledger.db
            .selectFrom('spend_logs')
            .where('api_key', 'in', ledger.db.selectFrom('key_hashes').select('token_hash').where('key_id', '=', keyId))
            .select((eb) => eb.fn.countAll<string>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    for (let waited = 0; waited < 30_000 && (await booked()) < rows; waited += 200) await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await booked()).toBe(rows);
  }

  it('regenerate x5 across two proxies: total spend stays within max_budget', async () => {
    const maxBudget = costPerCall * 3.5;
    let key = (await manage(proxies[0] as TestProxy, '/key/generate', { max_budget: maxBudget })).key as string;
    let spent = await spendUntilRefused(urlsOf(proxies), key);
    for (let round = 0; round < 5; round += 1) {
      key = (await manage(proxies[round % 2] as TestProxy, '/key/regenerate', { key })).key as string;
      spent += await spendUntilRefused(urlsOf(proxies), key);
    }
    // Before the fix: 18 calls on a 3.5-call budget (≈ 5.1x max_budget).
    expect(spent / maxBudget).toBeLessThanOrEqual(1);
    expect(Math.round(spent / costPerCall)).toBe(3);
  }, 60_000);

  it('regenerate x3 across two proxies: a per-model key budget carries over', async () => {
    const modelBudget = costPerCall * 2.5;
    let key = (await manage(proxies[0] as TestProxy, '/key/generate', { model_max_budget: { 'gpt-4o-mini': { budget_limit: modelBudget } } })).key as string;
    let spent = await spendUntilRefused(urlsOf(proxies), key);
    for (let round = 0; round < 3; round += 1) {
      key = (await manage(proxies[round % 2] as TestProxy, '/key/regenerate', { key })).key as string;
      spent += await spendUntilRefused(urlsOf(proxies), key);
    }
    expect(spent / modelBudget).toBeLessThanOrEqual(1);
    expect(Math.round(spent / costPerCall)).toBe(2);
  }, 60_000);

  it('spend, regenerate, spend, then a proxy with empty live counters: it seeds from the spend logs of every hash', async () => {
    const maxBudget = costPerCall * 4.5;
    let key = (await manage(proxies[0] as TestProxy, '/key/generate', { max_budget: maxBudget })).key as string;
    let spent = 0;
    for (let call = 0; call < 2; call += 1) spent += (await spendOnce((proxies[call % 2] as TestProxy).baseURL, key)) as number;
    key = (await manage(proxies[1] as TestProxy, '/key/regenerate', { key })).key as string;
    for (let call = 0; call < 2; call += 1) spent += (await spendOnce((proxies[call % 2] as TestProxy).baseURL, key)) as number;
    await waitForBooked(key, 4);
    // Another Redis (or a flushed one): the new proxy's counters start empty and are seeded from PostgreSQL.
    const fresh = await startTestProxy({ upstream, env: { ...env, TOLLGATE_REDIS_PREFIX: `key-id-fresh-${suffix}` } });
    proxies.push(fresh);
    spent += await spendUntilRefused(fresh.baseURL, key);
    // Before the fix the new proxy saw only the current hash's two calls: 6 calls on a 4.5-call budget.
    expect(spent / maxBudget).toBeLessThanOrEqual(1);
    expect(spent).toBeGreaterThanOrEqual(4 * costPerCall);
  }, 60_000);

  it.each(OTHER_SCOPES)('%s: its budget survives regeneration and a proxy with empty live counters', async (scope, setup) => {
    const budget = costPerCall * 4.5;
    const setUp = await setup(proxies[0] as TestProxy, budget, `scope-${scope.replace(/\W+/g, '-')}-${suffix}`);
    let key = setUp.key;
    let spent = 0;
    for (let call = 0; call < 2; call += 1) spent += (await spendOnce((proxies[call % 2] as TestProxy).baseURL, key, setUp.endUser)) as number;
    key = (await manage(proxies[1] as TestProxy, '/key/regenerate', { key })).key as string;
    for (let call = 0; call < 2; call += 1) spent += (await spendOnce((proxies[call % 2] as TestProxy).baseURL, key, setUp.endUser)) as number;
    await waitForBooked(key, 4);
    const fresh = await startTestProxy({ upstream, env: { ...env, TOLLGATE_REDIS_PREFIX: `key-id-fresh-${proxies.length}-${suffix}` } });
    proxies.push(fresh);
    spent += await spendUntilRefused(fresh.baseURL, key, 20, setUp.endUser);
    expect(spent / budget).toBeLessThanOrEqual(1);
    expect(spent).toBeGreaterThanOrEqual(4 * costPerCall);
  }, 60_000);
});
