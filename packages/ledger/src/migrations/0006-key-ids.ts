import { sql, type Kysely, type Migration } from 'kysely';
import { dialectOf } from '../db/dialect-of.js';

/**
 * A key's budget belongs to the key, not to its current hash: regenerating used to hand a key a fresh live budget,
 * because counters were named and seeded by the hash (5 regenerations → 4.8× `max_budget`). Every key gets a stable
 * `key_id` (never changed by regenerate), and `key_hashes` records every hash a key has had, so spend logs (which
 * carry the hash of their time in `api_key`) are summed per key id exactly: one index seek per hash.
 *
 * Existing keys get a random id and their current and previous hash; hashes older than the previous one were never
 * stored, so their spend logs stay unattributed (as they were before).
 */
export const keyIdsMigration: Migration = {
  async up(db: Kysely<any>): Promise<void> {
    const postgres = dialectOf(db) === 'postgres';
    await db.schema.alterTable('keys').addColumn('key_id', 'text').execute();
    const randomId = postgres ? sql`md5(random()::text || clock_timestamp()::text || token_hash)` : sql`lower(hex(randomblob(16)))`;
    await db.updateTable('keys').set({ key_id: randomId }).execute();
    // SQLite cannot add NOT NULL to an existing column; the store always writes one, and the unique index holds.
    if (postgres) await db.schema.alterTable('keys').alterColumn('key_id', (column) => column.setNotNull()).execute();
    await db.schema.createIndex('keys_key_id_unique').on('keys').column('key_id').unique().execute();

    await db.schema
      .createTable('key_hashes')
      .addColumn('token_hash', 'text', (column) => column.primaryKey())
      .addColumn('key_id', 'text', (column) => column.notNull())
      .execute();
    await db.schema.createIndex('key_hashes_key_id').on('key_hashes').columns(['key_id', 'token_hash']).execute();
    await db
      .insertInto('key_hashes')
      .columns(['token_hash', 'key_id'])
      .expression((eb: any) => eb.selectFrom('keys').select(['token_hash', 'key_id']))
      .execute();
    await db
      .insertInto('key_hashes')
      .columns(['token_hash', 'key_id'])
      .expression((eb: any) => eb.selectFrom('keys').select(['previous_token_hash', 'key_id']).where('previous_token_hash', 'is not', null))
      .onConflict((conflict: any) => conflict.column('token_hash').doNothing())
      .execute();
  },
  async down(db: Kysely<any>): Promise<void> {
    await db.schema.dropTable('key_hashes').ifExists().execute();
    await db.schema.dropIndex('keys_key_id_unique').ifExists().execute();
    await db.schema.alterTable('keys').dropColumn('key_id').execute();
  },
};
