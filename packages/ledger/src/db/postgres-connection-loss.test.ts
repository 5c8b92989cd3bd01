import { sql } from 'kysely';
import pg from 'pg';
import { openLedgerDatabase } from './open-ledger-database.js';

const databaseUrl = process.env.DATABASE_URL;
const describeWithPostgres = databaseUrl ? describe : describe.skip;
if (!databaseUrl) console.warn('PostgreSQL connection-loss test skipped: DATABASE_URL is not set');

describeWithPostgres('a PostgreSQL connection lost while the ledger holds it', () => {
  it('fails that transaction and leaves the process and the pool serving', async () => {
    const db = await openLedgerDatabase({ url: databaseUrl as string, migrate: false });
    const admin = new pg.Client({ connectionString: databaseUrl });
    await admin.connect();
    const uncaught: unknown[] = [];
    const onUncaught = (error: unknown) => uncaught.push(error);
    // Jest installs its own handler; listen beside it so an unhandled pg 'error' event shows up here as well.
    process.on('uncaughtException', onUncaught);
    try {
      const transaction = db.transaction().execute(async (trx) => {
        const pid = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(trx);
        // The client is checked out of the pool and idle in the transaction when its server process goes away.
        await admin.query('select pg_terminate_backend($1)', [pid.rows[0]?.pid]);
        await new Promise((resolve) => setTimeout(resolve, 200));
        await sql`select 1`.execute(trx);
      });
      await expect(transaction).rejects.toThrow();
      const after = await sql<{ one: number }>`select 1 as one`.execute(db);
      expect(after.rows[0]?.one).toBe(1);
      expect(uncaught).toEqual([]);
    } finally {
      process.off('uncaughtException', onUncaught);
      await admin.end();
      await db.destroy();
    }
  });
});
