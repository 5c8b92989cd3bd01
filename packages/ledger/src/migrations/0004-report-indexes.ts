import { type Kysely, type Migration } from 'kysely';

/**
 * Indexes for reports narrowed to one key or one user. The primary key leads with (entity_type, date), so a 30-day
 * report for one key used to walk every key's rows of those days and drop all but its own (6,000 index pages at
 * 10 million calls); these seek straight to the key's or the user's rows. Rollup updates change only counters, so
 * they stay heap-only; just the first booking of a (day, entity, key, model) row pays for the extra entries.
 * Built inside the migration transaction (not CONCURRENTLY): on a few million rollup rows that blocks bookings for
 * seconds, once.
 */
export const reportIndexesMigration: Migration = {
  async up(db: Kysely<any>): Promise<void> {
    // `/global/spend/report?api_key=` and `/spend/logs?api_key=&summarize=true` (global and user partitions).
    await db.schema.createIndex('daily_spend_api_key_date').on('daily_spend').columns(['api_key', 'entity_type', 'date']).execute();
    // `internal_user_id` / `user_id` filters: one user's partition rows by day (customers and teams alike).
    await db.schema.createIndex('daily_spend_entity_date').on('daily_spend').columns(['entity_type', 'entity_id', 'date']).execute();
  },
  async down(db: Kysely<any>): Promise<void> {
    await db.schema.dropIndex('daily_spend_entity_date').ifExists().execute();
    await db.schema.dropIndex('daily_spend_api_key_date').ifExists().execute();
  },
};
