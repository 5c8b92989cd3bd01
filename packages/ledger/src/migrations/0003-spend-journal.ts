import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Spend logs double as a journal: a row written with `rolled_up = 0` is durable but not yet added to the totals (key,
 * user, team, … spend and the daily rollups); a roll-up adds it and sets 1. Existing rows were booked in full, hence
 * the default. The partial index keeps finding the few pending rows cheap however large the table grows.
 */
export const spendJournalMigration: Migration = {
  async up(db: Kysely<any>): Promise<void> {
    await db.schema
      .alterTable('spend_logs')
      .addColumn('rolled_up', 'integer', (column) => column.notNull().defaultTo(1))
      .execute();
    await db.schema.createIndex('spend_logs_pending_roll_up').on('spend_logs').column('request_id').where(sql.ref('rolled_up'), '=', 0).execute();
  },
};
