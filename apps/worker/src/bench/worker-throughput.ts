// Throughput of the spend worker into PostgreSQL (a measurement, not a test): pre-fills the spend queue with
// BENCH_EVENTS events spread over BENCH_KEYS keys, 10 users and 5 teams, starts one worker, and reports events booked per
// second until the queue is empty. Uses a fresh queue and schema, checks the totals are exact, and removes both.
//
//   REDIS_URL=redis://127.0.0.1:6379 DATABASE_URL=postgres://postgres@127.0.0.1:5432/test \
//     node apps/worker/dist/bench/worker-throughput.js            # after `pnpm exec tsc -b`
// Settings: BENCH_EVENTS (default 20000), BATCH_SIZE (500), WORKER_CONCURRENCY (2 × BATCH_SIZE), CONCURRENT_BATCHES (1),
// BENCH_KEYS (50: more keys mean more rows to update per batch).
import { randomBytes } from 'node:crypto';
import { loadavg } from 'node:os';
import { Ledger, openLedgerDatabase, type SpendEventInput, type SpendEvent } from '@tollgate/ledger';
import { SPEND_JOB_NAME, spendJobOptions, type SpendQueue } from '@tollgate/ledger/queue';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { createLogger } from '../observability/create-logger.js';
import { createSpendWorker } from '../spend/create-spend-worker.js';

function setting(name: string, fallback: number): number {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer`);
  return value;
}

/** CPU seconds the Redis server has used (all clients: the queue's Lua scripts run there). */
async function redisCpuSeconds(connection: Redis): Promise<number> {
  const info = await connection.info('cpu');
  const field = (name: string) => Number(new RegExp(`^${name}:([\\d.]+)`, 'm').exec(info)?.[1] ?? 0);
  return field('used_cpu_sys') + field('used_cpu_user');
}

async function main(): Promise<void> {
  const redisUrl = process.env.REDIS_URL;
  const databaseUrl = process.env.DATABASE_URL;
  if (!redisUrl || !databaseUrl?.startsWith('postgres')) throw new Error('set REDIS_URL and a postgres:// DATABASE_URL');
  const total = setting('BENCH_EVENTS', 20_000);
  const keyCount = setting('BENCH_KEYS', 50);
  const batchSize = setting('BATCH_SIZE', 500);
  const concurrency = setting('WORKER_CONCURRENCY', batchSize * 2);
  const maxConcurrentBatches = setting('CONCURRENT_BATCHES', 1);
  const suffix = randomBytes(4).toString('hex');
  const schema = `worker_bench_${suffix}`;
  const queueName = `tollgate-worker-bench-${suffix}`;
  const db = await openLedgerDatabase({ url: databaseUrl, schema });
  const connection = new Redis(redisUrl, { maxRetriesPerRequest: null });
  const queue: SpendQueue = new Queue(queueName, { connection });
  try {
    const ledger = new Ledger(db);
    const teams = await Promise.all(Array.from({ length: 5 }, () => ledger.teams.create()));
    const users = await Promise.all(Array.from({ length: 10 }, () => ledger.users.create()));
    const keys = await Promise.all(
      Array.from({ length: keyCount }, (_, index) => ledger.keys.create({ userId: users[index % 10]!.userId, teamId: teams[index % 5]!.teamId })),
    );
    const now = new Date().toISOString();
    let expected = 0n;
    for (let start = 0; start < total; start += 1_000) {
      const jobs: Parameters<SpendQueue['addBulk']>[0] = [];
      for (let index = start; index < Math.min(total, start + 1_000); index += 1) {
        const key = keys[index % keyCount]!.record;
        const cost = 1_000 + (index % 997);
        expected += BigInt(cost);
        const event: SpendEventInput = {
          schema_version: 1,
          request_id: `bench-${suffix}-${index}`,
          call_type: 'acompletion',
          api_key: key.tokenHash,
          user_id: key.userId,
          team_id: key.teamId,
          cost_nano: String(cost),
          prompt_tokens: 100,
          completion_tokens: 20,
          start_time: now,
          end_time: now,
          model: 'gpt-4o-mini',
          model_group: 'gpt-4o-mini',
          provider: 'openai',
          status: 'success',
        };
        jobs.push({ name: SPEND_JOB_NAME, data: event as SpendEvent, opts: spendJobOptions(event) });
      }
      await queue.addBulk(jobs);
    }

    const redisCpuBefore = await redisCpuSeconds(connection);
    const cpuBefore = process.cpuUsage();
    const started = performance.now();
    const spend = createSpendWorker({ connection, db, logger: createLogger({ level: 'warn' }), queueName, batchSize, concurrency, maxConcurrentBatches });
    for (;;) {
      const { completed = 0, failed = 0 } = await queue.getJobCounts('completed', 'failed');
      if (completed + failed >= total) break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const seconds = (performance.now() - started) / 1_000;
    const cpu = process.cpuUsage(cpuBefore);
    const redisCpu = (await redisCpuSeconds(connection)) - redisCpuBefore;
    await spend.close();

    const booked = await db.selectFrom('spend_logs').select((eb) => [eb.fn.countAll<bigint>().as('rows'), eb.fn.sum<bigint>('spend_nano').as('sum')]).executeTakeFirstOrThrow();
    const keySum = await db.selectFrom('keys').select((eb) => eb.fn.sum<bigint>('spend_nano').as('sum')).executeTakeFirstOrThrow();
    const exact = BigInt(booked.rows) === BigInt(total) && BigInt(booked.sum) === expected && BigInt(keySum.sum) === expected;
    const batches = (await spend.metrics.batchSize.get()).values.find((value) => value.metricName?.endsWith('_count'))?.value ?? 0;
    const commitSeconds = (await spend.metrics.batchDuration.get()).values.find((value) => value.metricName?.endsWith('_sum'))?.value ?? 0;
    console.log(
      `${total} events in ${seconds.toFixed(2)} s = ${Math.round(total / seconds)} events/s ` +
        `(batch size ${batchSize}, concurrency ${concurrency}, ${maxConcurrentBatches} concurrent batches, ${batches} transactions taking ${commitSeconds.toFixed(2)} s, ` +
        `totals ${exact ? 'exact' : 'WRONG'}); CPU per 1000 events: worker ${((cpu.user + cpu.system) / total).toFixed(1)} ms, ` +
        `Redis ${((redisCpu * 1e6) / total).toFixed(1)} ms; load average ${loadavg()[0]!.toFixed(2)}`,
    );
    if (!exact) process.exitCode = 1;
  } finally {
    await queue.obliterate({ force: true });
    await queue.close();
    await connection.quit();
    await db.schema.dropSchema(schema).ifExists().cascade().execute();
    await db.destroy();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
