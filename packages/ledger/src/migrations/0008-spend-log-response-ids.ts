import { sql, type Kysely, type Migration } from 'kysely';

/**
 * A call is found by the id its answer carried (`chatcmpl-…`, `msg_…`, `resp_…`) as well as by the proxy's call id:
 * LiteLLM's spend logs are keyed by the response id, and that is the id a client has in hand. Older rows keep null.
 */
export const spendLogResponseIdsMigration: Migration = {
  async up(db: Kysely<any>): Promise<void> {
    await db.schema.alterTable('spend_logs').addColumn('response_id', 'text').execute();
    await db.schema.createIndex('spend_logs_response_id').on('spend_logs').column('response_id').where(sql.ref('response_id'), 'is not', null).execute();
  },
  async down(db: Kysely<any>): Promise<void> {
    await db.schema.dropIndex('spend_logs_response_id').ifExists().execute();
    await db.schema.alterTable('spend_logs').dropColumn('response_id').execute();
  },
};
