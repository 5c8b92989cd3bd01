import type { Kysely, Migration } from 'kysely';

/**
 * Budgets as their own rows (LiteLLM's `LiteLLM_BudgetTable`): named sets of limits that customers point at with
 * `budget_id`. A budget holds no spend: whoever points at it is held to its limits with their own spend.
 */
export const budgetsMigration: Migration = {
  async up(db: Kysely<any>): Promise<void> {
    await db.schema
      .createTable('budgets')
      .addColumn('budget_id', 'text', (column) => column.primaryKey())
      .addColumn('max_budget_nano', 'bigint')
      .addColumn('soft_budget_nano', 'bigint')
      .addColumn('budget_duration', 'text')
      .addColumn('budget_reset_at', 'bigint')
      .addColumn('rpm_limit', 'bigint')
      .addColumn('tpm_limit', 'bigint')
      .addColumn('max_parallel_requests', 'bigint')
      .addColumn('created_by', 'text')
      .addColumn('updated_by', 'text')
      .addColumn('created_at', 'bigint', (column) => column.notNull())
      .addColumn('updated_at', 'bigint', (column) => column.notNull())
      .execute();
    await db.schema.alterTable('customers').addColumn('budget_id', 'text').execute();
    await db.schema.createIndex('customers_budget_id').on('customers').column('budget_id').execute();
  },
  async down(db: Kysely<any>): Promise<void> {
    await db.schema.dropIndex('customers_budget_id').ifExists().execute();
    await db.schema.alterTable('customers').dropColumn('budget_id').execute();
    await db.schema.dropTable('budgets').ifExists().execute();
  },
};
