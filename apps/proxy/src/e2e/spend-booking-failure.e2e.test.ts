import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import OpenAI from 'openai';
import { openLedger, type Ledger } from '@tollgate/ledger';
import { manage, startTestProxy, type TestProxy } from './start-test-proxy.js';

/** An embedded proxy whose spend commit fails (another process holds the SQLite write lock past the busy timeout). */
describe('a spend event that cannot be committed after the upstream answered', () => {
  let dataDir: string;
  let proxy: TestProxy;
  let locker: Ledger;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'tollgate-booking-'));
    proxy = await startTestProxy({ dataDir });
    locker = await openLedger({ url: join(dataDir, 'tollgate.db') });
  });

  afterAll(async () => {
    await locker.close();
    await proxy.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('still answers the client, and the call is booked once when the database takes writes again', async () => {
    const generated = await manage(proxy, '/key/generate', { max_budget: 10 });
    const client = new OpenAI({ apiKey: generated.key, baseURL: proxy.baseURL, maxRetries: 0, timeout: 30_000 });
    await client.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'warm' }] });

    let unlock: () => void = () => undefined;
    const locked = new Promise<void>((resolve) => (unlock = resolve));
    let lockTaken: () => void = () => undefined;
    const taken = new Promise<void>((resolve) => (lockTaken = resolve));
    const holding = locker.db.connection().execute(async (connection) => {
      await sql`begin immediate`.execute(connection);
      lockTaken();
      await locked;
      await sql`rollback`.execute(connection);
    });
    await taken;
    let outcome: string;
    let costUsd = 0;
    try {
      const { response } = await client.chat.completions
        .create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'booked while the database is locked' }] })
        .withResponse();
      costUsd = Number(response.headers.get('x-litellm-response-cost'));
      outcome = `answered ${response.status}`;
    } catch (error) {
      outcome = `failed: ${(error as Error).message}`;
    } finally {
      unlock();
      await holding;
    }
    console.log(`call whose spend commit failed: ${outcome}`);
    expect(outcome).toBe('answered 200');

    let logs: unknown[] = [];
    for (const deadline = Date.now() + 15_000; Date.now() < deadline; await new Promise((resolve) => setTimeout(resolve, 200))) {
      logs = await manage(proxy, `/spend/logs?api_key=${encodeURIComponent(generated.key)}&summarize=false`);
      if (logs.length >= 2) break;
    }
    expect(logs).toHaveLength(2);
    const info = await manage(proxy, `/key/info?key=${encodeURIComponent(generated.key)}`);
    expect(info.info.spend).toBeGreaterThanOrEqual(costUsd);
  }, 60_000);
});
