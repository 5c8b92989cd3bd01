import { join } from 'node:path';
import { spawn, type ChildProcess } from 'node:child_process';
import { Redis } from 'ioredis';
import OpenAI from 'openai';
import { sql } from 'kysely';
import { usdToNanoUsd } from '@tollgate/core';
import { openLedger, type Ledger } from '@tollgate/ledger';
import { manage, startTestProxy, UPSTREAM_KEY, type TestProxy } from './start-test-proxy.js';
import { startMockUpstream, startTcpRelay, type TcpRelay } from '@tollgate/testing';

const redisUrl = process.env['REDIS_URL'];
const databaseUrl = process.env['DATABASE_URL'];
const describeTopology = redisUrl && databaseUrl ? describe : describe.skip;
if (!redisUrl || !databaseUrl) console.warn('topology e2e skipped: needs REDIS_URL and DATABASE_URL');

const WORKER_SRC = join(__dirname, '..', '..', '..', 'worker', 'src');
const CALLS = 10_000;

/** The real worker (its TypeScript sources) as a separate process, as in production. */
function spawnWorker(env: Record<string, string>): ChildProcess {
  const child = spawn(
    process.execPath,
    ['--conditions=@tollgate/source', '-r', require.resolve('@tollgate/testing/register-ts.cjs'), join(WORKER_SRC, 'main.ts')],
    { env: { ...process.env, ...env }, stdio: 'ignore' },
  );
  return child;
}

describeTopology('two proxies + a worker killed twice: every call booked exactly once', () => {
  const suffix = `${process.pid}_${Date.now()}`;
  const schema = `tg_topology_${suffix}`;
  let relay: TcpRelay;
  // Proxies and worker reach PostgreSQL through a relay the test can cut; the test's own checks go direct.
  const env = {
    REDIS_URL: redisUrl as string,
    DATABASE_URL: '',
    DATABASE_SCHEMA: schema,
    TOLLGATE_REDIS_PREFIX: `topology-${suffix}`,
    SPEND_QUEUE_NAME: `topology-spend-${suffix}`,
  };
  let workerEnv: Record<string, string>; 
  let upstream: Awaited<ReturnType<typeof startMockUpstream>>;
  let proxies: TestProxy[] = [];
  let ledger: Ledger;
  let worker: ChildProcess | undefined;

  beforeAll(async () => {
    const target = new URL(databaseUrl as string);
    relay = await startTcpRelay({ host: target.hostname, port: Number(target.port || 5432) });
    target.port = String(relay.port);
    env.DATABASE_URL = target.toString();
    workerEnv = { ...env, WORKER_PORT: '0', WORKER_LOCK_DURATION: '1s', MAINTENANCE_QUEUE_NAME: `topology-maint-${suffix}`, LOG_LEVEL: 'error' };
    upstream = await startMockUpstream({ requireApiKey: UPSTREAM_KEY });
    proxies = [await startTestProxy({ upstream, env }), await startTestProxy({ upstream, env })];
    ledger = await openLedger({ url: databaseUrl as string, schema });
  }, 30_000);

  afterAll(async () => {
    worker?.kill('SIGKILL');
    for (const proxy of proxies) await proxy.stop();
    await upstream.close();
    await relay.close();
    await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(ledger.db);
    await ledger.close();
    const redis = new Redis(redisUrl as string);
    const keys = await redis.keys(`*topology*${suffix}*`);
    if (keys.length > 0) await redis.del(...keys);
    await redis.quit();
  });

  it(`books ${CALLS} calls once each; spend sums agree exactly with what the proxies reported`, async () => {
    const team = await manage(proxies[0] as TestProxy, '/team/new', { team_alias: 'topology' });
    const generated = await manage(proxies[0] as TestProxy, '/key/generate', { team_id: team.team_id });
    const clients = proxies.map((proxy) => new OpenAI({ apiKey: generated.key, baseURL: proxy.baseURL, maxRetries: 0 }));
    worker = spawnWorker(workerEnv);
    let reportedNano = 0n;
    let done = 0;
    const kills = new Set([Math.floor(CALLS / 3), Math.floor((2 * CALLS) / 3)]);
    for (let batch = 0; batch < CALLS; batch += 50) {
      const responses = await Promise.all(
        Array.from({ length: 50 }, (_, index) =>
          (clients[index % 2] as OpenAI).chat.completions
            .create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: `call ${batch + index}` }] })
            .withResponse(),
        ),
      );
      for (const { response } of responses) {
        reportedNano += usdToNanoUsd(response.headers.get('x-litellm-response-cost') ?? '0');
      }
      done += 50;
      if ([...kills].some((at) => done >= at)) {
        for (const at of [...kills]) if (done >= at) kills.delete(at);
        worker.kill('SIGKILL');
        worker = spawnWorker(workerEnv);
      }
    }
    // Wait for the worker to drain the queue.
    const deadline = Date.now() + 90_000;
    let rows = 0;
    while (Date.now() < deadline) {
      const count = await ledger.db.selectFrom('spend_logs').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
      rows = Number(count.n);
      if (rows >= CALLS) break;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(rows).toBe(CALLS);
    const logged = await ledger.db.selectFrom('spend_logs').select((eb) => eb.fn.sum<string>('spend_nano').as('total')).executeTakeFirstOrThrow();
    const key = await ledger.keys.getOrThrow(generated.key);
    const teamRow = await ledger.teams.get(team.team_id);
    expect(BigInt(logged.total)).toBe(reportedNano);
    expect(key.spendNano).toBe(reportedNano);
    expect(teamRow?.spendNano).toBe(reportedNano);
  }, 180_000);

  it('keeps serving cached keys while PostgreSQL is down for 10 s, then books every queued event once', async () => {
    const generated = await manage(proxies[0] as TestProxy, '/key/generate', {});
    const clients = proxies.map((proxy) => new OpenAI({ apiKey: generated.key, baseURL: proxy.baseURL, maxRetries: 0 }));
    for (const client of clients) await client.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'warm' }] });
    worker ??= spawnWorker(workerEnv);
    const hash = (await ledger.keys.getOrThrow(generated.key)).tokenHash;
    const bookedRows = async () =>
      Number((await ledger.db.selectFrom('spend_logs').where('api_key', '=', hash).select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);
    // The worker is up and booking before the outage starts.
    for (let waited = 0; waited < 30_000 && (await bookedRows()) < 2; waited += 200) await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await bookedRows()).toBe(2);
    await relay.cut();
    let reportedNano = 0n;
    const outageEnds = Date.now() + 10_000;
    let served = 0;
    while (Date.now() < outageEnds) {
      const responses = await Promise.all(
        clients.map((client) => client.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'during outage' }] }).withResponse()),
      );
      for (const { response } of responses) reportedNano += usdToNanoUsd(response.headers.get('x-litellm-response-cost') ?? '0');
      served += responses.length;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await relay.restore();
    expect(served).toBeGreaterThan(20);
    const expectedRows = served + 2;
    const deadline = Date.now() + 90_000;
    let rows = 0;
    while (Date.now() < deadline) {
      rows = await bookedRows();
      if (rows >= expectedRows) break;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(rows).toBe(expectedRows);
    const logged = await ledger.db.selectFrom('spend_logs').where('api_key', '=', hash).where('request_id', 'is not', null)
      .select((eb) => eb.fn.sum<string>('spend_nano').as('total')).executeTakeFirstOrThrow();
    const key = await ledger.keys.getOrThrow(generated.key);
    expect(key.spendNano).toBe(BigInt(logged.total));
    expect(BigInt(logged.total)).toBeGreaterThanOrEqual(reportedNano);
  }, 150_000);
});
