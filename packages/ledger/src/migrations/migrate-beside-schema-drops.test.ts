import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openLedgerDatabase } from '../db/open-ledger-database.js';

const databaseUrl = process.env['DATABASE_URL'];
const describePostgres = databaseUrl ? describe : describe.skip;

// Kysely's migrator lists tables with has_schema_privilege(name) over every schema in the catalog; a schema dropped
// by another session during that scan made the migration fail with `schema "<theirs>" does not exist`.
describePostgres('migrating beside sessions that create and drop their own schemas', () => {
  it('migrates every fresh schema while another session churns schemas', async () => {
    const prefix = `churn_${randomBytes(4).toString('hex')}`;
    const churn = new pg.Client({ connectionString: databaseUrl });
    await churn.connect();
    let churning = true;
    const churnLoop = (async () => {
      for (let index = 0; churning; index += 1) {
        // Separate statements, so that each schema is committed, seen by the migrator's scan, then dropped.
        await churn.query(`create schema "${prefix}_${index}"`);
        await churn.query(`create table "${prefix}_${index}".t (id int)`);
        await churn.query(`drop schema "${prefix}_${index}" cascade`);
      }
    })();
    const schemas: string[] = [];
    const failures: string[] = [];
    try {
      for (let attempt = 0; attempt < 12; attempt += 1) {
        const schema = `${prefix}_ledger_${attempt}`;
        schemas.push(schema);
        try {
          const db = await openLedgerDatabase({ url: databaseUrl as string, schema, poolSize: 1 });
          await db.destroy();
        } catch (error) {
          failures.push((error as Error).message);
        }
      }
    } finally {
      churning = false;
      await churnLoop;
      for (const schema of schemas) await churn.query(`drop schema if exists "${schema}" cascade`);
      await churn.end();
    }
    expect(failures).toEqual([]);
  }, 120_000);
});
