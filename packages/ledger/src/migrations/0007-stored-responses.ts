import type { Kysely, Migration } from 'kysely';

/**
 * Responses kept for `GET /v1/responses/{id}` and `previous_response_id` (OpenAI's `store`, default true): the
 * Response as answered, the input items of its turn, and who made it (key id and team), so a key reads only its
 * own tenant's responses; and which response holds each item, for `item_reference` inputs.
 */
export const storedResponsesMigration: Migration = {
  async up(db: Kysely<any>): Promise<void> {
    await db.schema
      .createTable('stored_responses')
      .addColumn('response_id', 'text', (column) => column.primaryKey())
      .addColumn('key_id', 'text')
      .addColumn('team_id', 'text')
      .addColumn('previous_response_id', 'text')
      .addColumn('input_items', 'text', (column) => column.notNull())
      .addColumn('response', 'text', (column) => column.notNull())
      .addColumn('created_at', 'bigint', (column) => column.notNull())
      .execute();
    await db.schema.createIndex('stored_responses_created_at').on('stored_responses').column('created_at').execute();
    // Which response holds an item (`rs_…`, `msg_…`, `fc_…`), for the `item_reference` inputs clients send back.
    await db.schema
      .createTable('stored_response_items')
      .addColumn('item_id', 'text', (column) => column.primaryKey())
      .addColumn('response_id', 'text', (column) => column.notNull())
      .execute();
    await db.schema.createIndex('stored_response_items_response_id').on('stored_response_items').column('response_id').execute();
  },
  async down(db: Kysely<any>): Promise<void> {
    await db.schema.dropTable('stored_response_items').ifExists().execute();
    await db.schema.dropTable('stored_responses').ifExists().execute();
  },
};
